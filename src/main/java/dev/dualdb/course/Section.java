package dev.dualdb.course;

import java.util.List;

/**
 * A section of a course: its lessons in order; {@code id} is an ObjectId in hex that
 * never changes.
 *
 * @param id the ObjectId in hex
 * @param title the title shown to students
 * @param lessons its lessons, in order
 */
public record Section(String id, String title, List<Lesson> lessons) {
}
