package dev.dualdb.media.internal;

import java.time.Instant;

/**
 * A row of the content-addressed blob index: what the store should hold under
 * {@code sha256}.
 *
 * @param sha256 the SHA-256 of the bytes, in hex
 * @param sizeBytes the size the bytes should have
 * @param contentType the type sniffed from the bytes
 * @param storageType the blob store that holds them ({@code LOCAL} or {@code S3})
 * @param storageKey their key in that store
 * @param createdAt when the row was written
 */
public record BlobRecord(String sha256, long sizeBytes, String contentType, String storageType, String storageKey,
        Instant createdAt) {
}
