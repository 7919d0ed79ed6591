package dev.dualdb.media;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A video of a course, optionally attached to one lesson (table {@code course_videos}).
 */
public record CourseVideo(UUID id, String mongoCourseId, @Schema(nullable = true) String lessonId, String title,
        String videoUrl, VideoType videoType, @Schema(nullable = true) String fileName,
        @Schema(nullable = true) Long fileSize, @Schema(nullable = true) String mimeType,
        @Schema(nullable = true) BigDecimal duration, StorageType storageType, boolean isPreview, long accessCount,
        @Schema(nullable = true) Instant lastAccessedAt, Instant createdAt, Instant updatedAt) {
}
