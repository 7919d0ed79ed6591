package dev.dualdb.course;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A section of a course: its lessons in order; {@code id} is an ObjectId in hex that
 * never changes.
 */
public record Section(@Schema(nullable = true) String id, String title, List<Lesson> lessons) {
}
