package dev.dualdb.media;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Any other media, attached to a product, course, lesson or user by reference (table
 * {@code media_storage}).
 */
public record MediaStorage(UUID id, OwnerKind referenceType, String referenceId, MediaType mediaType, String mediaUrl,
        String fileName, Long fileSize, String mimeType, Integer width, Integer height, BigDecimal duration,
        Integer pageCount, StorageType storageType, long accessCount, Instant lastAccessedAt, Instant createdAt,
        Instant updatedAt) {
}
