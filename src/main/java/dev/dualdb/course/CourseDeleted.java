package dev.dualdb.course;

import org.bson.types.ObjectId;

/**
 * Published after a course document is deleted, so other modules can drop what refers to
 * it (enrolments).
 */
public record CourseDeleted(ObjectId courseId) {
}
