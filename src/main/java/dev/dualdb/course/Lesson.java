package dev.dualdb.course;

/**
 * A lesson of a section; {@code id} is an ObjectId in hex, given once and kept through
 * renames, reorders and moves.
 *
 * @param durationSeconds length in seconds, if known
 */
public record Lesson(String id, String title, String description, Integer durationSeconds) {
}
