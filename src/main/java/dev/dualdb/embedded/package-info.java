/**
 * Starts the embedded MongoDB-wire server and PostgreSQL when no external ones are
 * configured. It depends on no other module.
 */
@ApplicationModule(displayName = "Embedded servers")
package dev.dualdb.embedded;

import org.springframework.modulith.ApplicationModule;
