package dev.dualdb.media.internal;

import java.time.Instant;

/**
 * A row of the content-addressed blob index: what the store should hold under
 * {@code sha256}.
 */
public record BlobRecord(String sha256, long sizeBytes, String contentType, String storageType, String storageKey,
        Instant createdAt) {
}
