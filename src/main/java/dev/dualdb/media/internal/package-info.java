/**
 * The media module's insides: the SQL of the four metadata tables and of the blob index,
 * the two halves of an upload (streaming into the blob store, then one transaction that
 * writes the rows), the blob collector, lookups for delivery, and the reconciler checks
 * that the media data owns.
 */
package dev.dualdb.media.internal;
