package dev.dualdb.course;

import org.bson.types.ObjectId;

/**
 * Published after a course document is deleted, so other modules can drop what refers to
 * it (enrolments).
 *
 * @param courseId the deleted course
 */
public record CourseDeleted(ObjectId courseId) {
}
