package dev.dualdb.media;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Any other media, attached to a product, course, lesson or user by reference (table
 * {@code media_storage}).
 */
public record MediaStorage(UUID id, OwnerKind referenceType, String referenceId, MediaType mediaType, String mediaUrl,
        @Schema(nullable = true) String fileName, @Schema(nullable = true) Long fileSize,
        @Schema(nullable = true) String mimeType, @Schema(nullable = true) Integer width,
        @Schema(nullable = true) Integer height, @Schema(nullable = true) java.math.BigDecimal duration,
        @Schema(nullable = true) Integer pageCount, StorageType storageType, long accessCount,
        @Schema(nullable = true) Instant lastAccessedAt, Instant createdAt, Instant updatedAt) {
}
