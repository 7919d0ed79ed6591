package dev.dualdb.media.web;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.dualdb.media.MediaType;
import dev.dualdb.media.OwnerKind;

/**
 * The multipart form of {@code POST /api/media} with a file, for the OpenAPI document
 * only.
 */
@Schema(description = "The owner and media type first (the owner is checked before the bytes are read), then the "
        + "file in a part named 'file'")
record MediaFileForm(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) OwnerKind referenceType,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[0-9a-fA-F]{24}$") String referenceId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) MediaType mediaType,
        @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file) {
}
