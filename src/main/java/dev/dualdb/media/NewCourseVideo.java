package dev.dualdb.media;

import java.math.BigDecimal;

/**
 * A course video to record by its URL (YouTube, Vimeo or another https URL; recorded,
 * never fetched).
 *
 * @param lessonId the lesson it belongs to, or {@code null} for a course-level video (a
 * trailer)
 * @param title the title shown to students
 * @param videoType the platform the link points at ({@code YOUTUBE}, {@code VIMEO} or
 * {@code EXTERNAL})
 * @param videoUrl the link to record
 * @param duration length in seconds, if known
 * @param isPreview whether the video may be watched without enrolling
 */
public record NewCourseVideo(String lessonId, String title, VideoType videoType, String videoUrl, BigDecimal duration,
        boolean isPreview) {
}
