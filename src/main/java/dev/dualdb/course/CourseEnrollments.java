package dev.dualdb.course;

import org.bson.types.ObjectId;

/**
 * Whether a user is enrolled in a course, asked by the course's access rules; the module
 * that keeps enrolments provides it, so that this module does not depend on it.
 */
public interface CourseEnrollments {

    /**
     * Whether the user is enrolled in the course.
     * @param userId the user
     * @param courseId the course
     * @return whether an enrolment of the user in the course exists
     */
    boolean isEnrolled(ObjectId userId, ObjectId courseId);

}
