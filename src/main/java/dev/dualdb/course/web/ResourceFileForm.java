package dev.dualdb.course.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The multipart form of a lesson resource upload, for the OpenAPI document only.
 *
 * @param resourceName the name shown to students; the file name if absent
 * @param file the file itself, sent last
 */
@Schema(description = "An optional name, then the file (PDF, Office document, text, ZIP …) in a part named 'file'; "
        + "its resourceType comes from the bytes")
record ResourceFileForm(
        @Schema(description = "Shown to students; the file name if absent", maxLength = 300) String resourceName,
        @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file) {
}
