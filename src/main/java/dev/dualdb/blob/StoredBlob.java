package dev.dualdb.blob;

/**
 * Bytes now held by the blob store: the facts for the blob index ({@code blobs} table).
 *
 * @param sha256 the SHA-256 of the bytes, 64 lower-case hex characters; also the
 * {@code ETag}
 * @param size the number of bytes
 * @param storageType {@code LOCAL} or {@code S3}, as in the {@code storage_type} columns
 * @param storageKey where the store keeps them, derived from the hash only
 * ({@code ab/cd/abcd…})
 * @param alreadyStored {@code true} when identical bytes were stored before and this
 * upload added nothing
 */
public record StoredBlob(String sha256, long size, String storageType, String storageKey, boolean alreadyStored) {
}
