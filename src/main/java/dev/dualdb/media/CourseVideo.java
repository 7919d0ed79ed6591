package dev.dualdb.media;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A video of a course, optionally attached to one lesson (table {@code course_videos}).
 */
public record CourseVideo(UUID id, String mongoCourseId, String lessonId, String title, String videoUrl,
        VideoType videoType, String fileName, Long fileSize, String mimeType, BigDecimal duration,
        StorageType storageType, boolean isPreview, long accessCount, Instant lastAccessedAt, Instant createdAt,
        Instant updatedAt) {
}
