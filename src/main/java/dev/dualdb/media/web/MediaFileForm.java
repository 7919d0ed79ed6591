package dev.dualdb.media.web;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.dualdb.media.MediaType;
import dev.dualdb.media.OwnerKind;

/**
 * The multipart form of {@code POST /api/media} with a file, for the OpenAPI document
 * only.
 *
 * @param referenceType the kind of owner the file is attached to (product, course, lesson
 * or user)
 * @param referenceId the owner's id (24 hexadecimal characters)
 * @param mediaType the broad type of the file; checked against the type sniffed from its
 * bytes
 * @param file the file itself, sent last
 */
@Schema(description = "The owner and media type first (the owner is checked before the bytes are read), then the "
        + "file in a part named 'file'")
record MediaFileForm(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) OwnerKind referenceType,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[0-9a-fA-F]{24}$") String referenceId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) MediaType mediaType,
        @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file) {
}
