package dev.dualdb.course.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The multipart form of a course video upload, for the OpenAPI document only. Text fields
 * come before the file.
 *
 * @param title the title shown to students, at most 300 characters
 * @param lessonId the lesson the video belongs to; without one it is a video of the
 * course itself
 * @param isPreview whether the video may be watched without enrolling
 * @param file the video file itself, sent last
 */
@Schema(description = "Text fields first, then the video file (MP4, WebM, QuickTime) in a part named 'file'")
record VideoFileForm(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 300) String title,
        @Schema(description = "The lesson it belongs to; none for a course-level video",
                pattern = "^[0-9a-fA-F]{24}$") String lessonId,
        @Schema(description = "Whether it may be watched without enrolment") Boolean isPreview,
        @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file) {
}
