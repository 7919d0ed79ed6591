package dev.dualdb.media.internal;

import java.math.BigDecimal;

import dev.dualdb.system.InvalidInput;
import dev.dualdb.system.ObjectIdParser;

/**
 * The media service checks its own inputs against the table constraints, so a caller that
 * skipped validation gets a 400 that names the field rather than a constraint violation
 * from PostgreSQL.
 */
public final class MediaInput {

    private static final BigDecimal MAX_DURATION = new BigDecimal("999999999.999");

    private MediaInput() {
    }

    public static void required(String field, Object value) {
        if (value == null) {
            throw new InvalidInput("validation-failed", field + " is required");
        }
    }

    public static void text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("validation-failed", field + " must not be blank");
        }
        optionalText(field, value, maxLength);
    }

    public static void optionalText(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new InvalidInput("validation-failed", field + " is longer than " + maxLength + " characters");
        }
    }

    public static void size(Long bytes) {
        if (bytes != null && bytes < 0) {
            throw new InvalidInput("validation-failed", "fileSize must not be negative");
        }
    }

    public static void duration(BigDecimal seconds) {
        if (seconds != null && (seconds.signum() < 0 || seconds.compareTo(MAX_DURATION) > 0)) {
            throw new InvalidInput("validation-failed", "duration must be between 0 and " + MAX_DURATION + " seconds");
        }
    }

    public static void lessonId(String lessonId) {
        if (lessonId != null && !ObjectIdParser.isValid(lessonId)) {
            throw new InvalidInput("malformed-id", "lessonId is not a valid id");
        }
    }

}
