package dev.dualdb.course.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The multipart form of a course video upload, for the OpenAPI document only. Text fields
 * come before the file.
 */
@Schema(description = "Text fields first, then the video file (MP4, WebM, QuickTime) in a part named 'file'")
record VideoFileForm(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 300) String title,
        @Schema(description = "The lesson it belongs to; none for a course-level video",
                pattern = "^[0-9a-fA-F]{24}$") String lessonId,
        @Schema(description = "Whether it may be watched without enrolment") Boolean isPreview,
        @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file) {
}
