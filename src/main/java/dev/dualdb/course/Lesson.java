package dev.dualdb.course;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A lesson of a section; {@code id} is an ObjectId in hex, given once and kept through
 * renames, reorders and moves.
 *
 * @param id the ObjectId in hex
 * @param title the title shown to students
 * @param description a longer text about the lesson, or {@code null}
 * @param durationSeconds length in seconds, if known
 */
public record Lesson(@Schema(nullable = true) String id, String title, @Schema(nullable = true) String description,
        @Schema(nullable = true) Integer durationSeconds) {
}
