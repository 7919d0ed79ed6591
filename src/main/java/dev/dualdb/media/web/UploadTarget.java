package dev.dualdb.media.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import dev.dualdb.media.MediaType;
import dev.dualdb.media.OwnerKind;
import dev.dualdb.system.InvalidInput;

/**
 * The owner and media type named by the text fields of a {@code POST /api/media} upload.
 *
 * @param referenceType the kind of owner the upload is attached to
 * @param referenceId the owner's id as the client sent it (checked against the owner
 * later)
 * @param mediaType the broad type of media the client says it is sending
 */
record UploadTarget(OwnerKind referenceType, String referenceId, MediaType mediaType) {

    static UploadTarget of(Map<String, String> fields) {
        return new UploadTarget(parse(OwnerKind.class, "referenceType", fields.get("referenceType")),
                required("referenceId", fields.get("referenceId")),
                parse(MediaType.class, "mediaType", fields.get("mediaType")));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        String text = required(field, value);
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInput("validation-failed",
                    "The field '" + field + "' must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("validation-failed", "The field '" + field + "' is required, before the file");
        }
        return value.strip();
    }
}
