/**
 * Products (MongoDB), their routes, and a product composed with its images.
 */
@ApplicationModule(displayName = "Products",
        allowedDependencies = { "system", "postgres", "media", "media::upload-receiver", "security" })
package dev.dualdb.product;

import org.springframework.modulith.ApplicationModule;
