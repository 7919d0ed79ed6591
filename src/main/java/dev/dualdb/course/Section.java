package dev.dualdb.course;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A section of a course: its lessons in order; {@code id} is an ObjectId in hex that
 * never changes.
 *
 * @param id the ObjectId in hex
 * @param title the title shown to students
 * @param lessons its lessons, in order
 */
public record Section(@Schema(nullable = true) String id, String title, List<Lesson> lessons) {
}
