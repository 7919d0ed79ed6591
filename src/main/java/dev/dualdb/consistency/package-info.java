/**
 * Idempotency keys and the reconciler that finds and repairs drift between the stores.
 * Its API: {@link dev.dualdb.consistency.Reconciler}, its report and settings, and the
 * extension point {@link dev.dualdb.consistency.ReconcilerCheck} that the modules owning
 * the data implement.
 */
@ApplicationModule(displayName = "Consistency", allowedDependencies = { "system", "postgres", "security" })
package dev.dualdb.consistency;

import org.springframework.modulith.ApplicationModule;
