package dev.dualdb.course;

/**
 * A lesson of a section; {@code id} is an ObjectId in hex, given once and kept through
 * renames, reorders and moves.
 *
 * @param id the ObjectId in hex
 * @param title the title shown to students
 * @param description a longer text about the lesson, or {@code null}
 * @param durationSeconds length in seconds, if known
 */
public record Lesson(String id, String title, String description, Integer durationSeconds) {
}
