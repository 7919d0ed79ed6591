/**
 * The importer's insides: the mapping file, the walk over a legacy document, reading the
 * source bytes, the ledger of what was imported, progress and the report.
 */
package dev.dualdb.legacy.internal;
