/**
 * Adopting an existing catalog: {@code java -jar dualdb.jar import} reads the products
 * and courses of the original Node/Mongoose application, whose documents embed media
 * URLs, and writes the media rows for them (optionally copying the bytes into the blob
 * store), leaving the documents as they are. See docs/import.md.
 */
@ApplicationModule(displayName = "Legacy import", allowedDependencies = { "system", "postgres", "media" })
package dev.dualdb.legacy;

import org.springframework.modulith.ApplicationModule;
