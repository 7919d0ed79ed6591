/**
 * dualdb: a catalog in MongoDB, media metadata in PostgreSQL and media bytes in a blob
 * store. Each sub-package is an application module (see {@code ModularityTests}); this
 * one holds only the application class.
 */
package dev.dualdb;
