package dev.dualdb.media;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Any other media, attached to a product, course, lesson or user by reference (table
 * {@code media_storage}).
 *
 * @param id the row's id
 * @param referenceType the kind of owner it is attached to
 * @param referenceId the owner's id (24 hex characters)
 * @param mediaType the broad type of the media
 * @param mediaUrl where to get it: {@code /media/{id}} for uploaded bytes, the recorded
 * URL otherwise
 * @param fileName the file name the client gave, or {@code null}
 * @param fileSize the size in bytes, or {@code null} if unknown
 * @param mimeType the content type (sniffed from the bytes for uploads), or {@code null}
 * @param width the width in pixels of an uploaded image, or {@code null}
 * @param height the height in pixels of an uploaded image, or {@code null}
 * @param duration the length in seconds of an uploaded video (millisecond precision), or
 * {@code null}
 * @param pageCount the number of pages of an uploaded PDF, or {@code null}
 * @param storageType where the bytes are, or {@link StorageType#EXTERNAL} for a recorded
 * URL
 * @param accessCount how many times an access was counted
 * @param lastAccessedAt when an access was last counted, or {@code null} if never
 * @param createdAt when the row was written
 * @param updatedAt when the row last changed
 */
public record MediaStorage(UUID id, OwnerKind referenceType, String referenceId, MediaType mediaType, String mediaUrl,
        @Schema(nullable = true) String fileName, @Schema(nullable = true) Long fileSize,
        @Schema(nullable = true) String mimeType, @Schema(nullable = true) Integer width,
        @Schema(nullable = true) Integer height, @Schema(nullable = true) BigDecimal duration,
        @Schema(nullable = true) Integer pageCount, StorageType storageType, long accessCount,
        @Schema(nullable = true) Instant lastAccessedAt, Instant createdAt, Instant updatedAt) {
}
