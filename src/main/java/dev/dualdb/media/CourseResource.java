package dev.dualdb.media;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** A downloadable resource of a lesson (table {@code course_resources}). */
public record CourseResource(UUID id, String mongoCourseId, String lessonId, String resourceName,
        ResourceType resourceType, String resourceUrl, @Schema(nullable = true) String fileName,
        @Schema(nullable = true) Long fileSize, @Schema(nullable = true) String mimeType,
        @Schema(nullable = true) Integer pageCount, StorageType storageType, long accessCount,
        @Schema(nullable = true) Instant lastAccessedAt, Instant createdAt, Instant updatedAt) {
}
