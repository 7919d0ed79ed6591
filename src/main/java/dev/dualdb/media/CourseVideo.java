package dev.dualdb.media;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A video of a course, optionally attached to one lesson (table {@code course_videos}).
 *
 * @param id the row's id
 * @param mongoCourseId the course (24 hex characters)
 * @param lessonId the lesson it belongs to, or {@code null} for a course-level video
 * @param title the title shown to students
 * @param videoUrl where to watch it: {@code /media/{id}} for uploaded bytes, the recorded
 * link otherwise
 * @param videoType uploaded bytes or the platform the link points at
 * @param fileName the file name the client gave, or {@code null}
 * @param fileSize the size in bytes, or {@code null} if unknown
 * @param mimeType the content type (sniffed from the bytes for uploads), or {@code null}
 * @param duration the length in seconds (millisecond precision), or {@code null} if
 * unknown
 * @param storageType where the bytes are, or {@link StorageType#EXTERNAL} for a recorded
 * URL
 * @param isPreview whether the video may be watched without enrolling
 * @param accessCount how many times an access was counted
 * @param lastAccessedAt when an access was last counted, or {@code null} if never
 * @param createdAt when the row was written
 * @param updatedAt when the row last changed
 */
public record CourseVideo(UUID id, String mongoCourseId, @Schema(nullable = true) String lessonId, String title,
        String videoUrl, VideoType videoType, @Schema(nullable = true) String fileName,
        @Schema(nullable = true) Long fileSize, @Schema(nullable = true) String mimeType,
        @Schema(nullable = true) BigDecimal duration, StorageType storageType, boolean isPreview, long accessCount,
        @Schema(nullable = true) Instant lastAccessedAt, Instant createdAt, Instant updatedAt) {
}
