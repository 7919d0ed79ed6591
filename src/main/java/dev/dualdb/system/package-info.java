/**
 * Shared ground for every module: errors as RFC 9457 problem details, OpenAPI, the
 * MongoDB client and its health, shared web configuration, the step boundaries of
 * multi-store operations. It depends on no other module.
 */
@ApplicationModule(displayName = "System")
package dev.dualdb.system;

import org.springframework.modulith.ApplicationModule;
