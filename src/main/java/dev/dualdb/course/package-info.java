/**
 * Courses with their sections and lessons (MongoDB), their routes, and a course composed
 * with its videos and resources.
 */
@ApplicationModule(displayName = "Courses",
        allowedDependencies = { "system", "postgres", "media", "media::upload-receiver", "security" })
package dev.dualdb.course;

import org.springframework.modulith.ApplicationModule;
