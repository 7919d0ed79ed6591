/**
 * Users and enrolments (MongoDB) and their routes.
 */
@ApplicationModule(displayName = "Users", allowedDependencies = { "system", "media", "course", "security" })
package dev.dualdb.user;

import org.springframework.modulith.ApplicationModule;
