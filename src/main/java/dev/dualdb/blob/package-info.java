/**
 * Media bytes: the content-addressed {@link dev.dualdb.blob.BlobStore}, the checks an
 * upload passes before it is stored (type sniffing, size and pixel limits), thumbnails,
 * and what serving the bytes needs (ranges, {@code Content-Disposition}, entity tags).
 */
package dev.dualdb.blob;
