package dev.dualdb.media;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A downloadable resource of a lesson (table {@code course_resources}).
 *
 * @param id the row's id
 * @param mongoCourseId the course (24 hex characters)
 * @param lessonId the lesson it belongs to
 * @param resourceName the name shown to students
 * @param resourceType what kind of file it is
 * @param resourceUrl where to get it: {@code /media/{id}} for uploaded bytes, the
 * recorded URL otherwise
 * @param fileName the file name the client gave, or {@code null}
 * @param fileSize the size in bytes, or {@code null} if unknown
 * @param mimeType the content type (sniffed from the bytes for uploads), or {@code null}
 * @param pageCount the number of pages of a PDF, or {@code null}
 * @param storageType where the bytes are, or {@link StorageType#EXTERNAL} for a recorded
 * URL
 * @param accessCount how many times an access was counted
 * @param lastAccessedAt when an access was last counted, or {@code null} if never
 * @param createdAt when the row was written
 * @param updatedAt when the row last changed
 */
public record CourseResource(UUID id, String mongoCourseId, String lessonId, String resourceName,
        ResourceType resourceType, String resourceUrl, @Schema(nullable = true) String fileName,
        @Schema(nullable = true) Long fileSize, @Schema(nullable = true) String mimeType,
        @Schema(nullable = true) Integer pageCount, StorageType storageType, long accessCount,
        @Schema(nullable = true) Instant lastAccessedAt, Instant createdAt, Instant updatedAt) {
}
