package dev.dualdb.media;

import java.time.Instant;
import java.util.UUID;

/** A downloadable resource of a lesson (table {@code course_resources}). */
public record CourseResource(UUID id, String mongoCourseId, String lessonId, String resourceName,
        ResourceType resourceType, String resourceUrl, String fileName, Long fileSize, String mimeType,
        Integer pageCount, StorageType storageType, long accessCount, Instant lastAccessedAt, Instant createdAt,
        Instant updatedAt) {
}
