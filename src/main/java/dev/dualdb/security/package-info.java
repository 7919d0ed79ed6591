/**
 * Identity and access: who the caller is ({@link dev.dualdb.security.Caller}), tokens
 * from the built-in issuer or an external one, and the one filter chain that applies the
 * route rules each module declares ({@link dev.dualdb.security.RouteRules}).
 */
@ApplicationModule(displayName = "Security", allowedDependencies = { "system", "postgres" })
package dev.dualdb.security;

import org.springframework.modulith.ApplicationModule;
