package dev.dualdb.product.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The multipart form of {@code POST /api/products/{id}/images}, for the OpenAPI document
 * only.
 *
 * @param files the image files, each in its own part named {@code files}
 */
@Schema(description = "One or more image files (JPEG, PNG, WebP, GIF), each in a part named 'files'")
record ImageFilesForm(@ArraySchema(schema = @Schema(type = "string", format = "binary")) List<String> files) {
}
