package dev.dualdb.course;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A lesson of a section; {@code id} is an ObjectId in hex, given once and kept through
 * renames, reorders and moves.
 *
 * @param durationSeconds length in seconds, if known
 */
public record Lesson(@Schema(nullable = true) String id, String title, @Schema(nullable = true) String description,
        @Schema(nullable = true) Integer durationSeconds) {
}
