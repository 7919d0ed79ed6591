/**
 * The {@code products} collection (plain BSON, partial updates), its indexes, and the
 * product lookups the media module needs.
 */
package dev.dualdb.product.internal;
