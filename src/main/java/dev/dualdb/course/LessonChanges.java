package dev.dualdb.course;

import org.bson.types.ObjectId;

/**
 * A partial update of a lesson: {@code null} leaves a field as it is.
 *
 * @param title the new title
 * @param description the new description
 * @param durationSeconds the new length in seconds
 * @param sectionId when given and not the lesson's own section, the lesson moves to the
 * end of that section
 */
public record LessonChanges(String title, String description, Integer durationSeconds, ObjectId sectionId) {
}
