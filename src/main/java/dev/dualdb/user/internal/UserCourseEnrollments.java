package dev.dualdb.user.internal;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import dev.dualdb.course.CourseEnrollments;

/** Tells the course module's access rules who is enrolled. */
@Component
class UserCourseEnrollments implements CourseEnrollments {

    private final EnrollmentRepository enrollments;

    UserCourseEnrollments(EnrollmentRepository enrollments) {
        this.enrollments = enrollments;
    }

    @Override
    public boolean isEnrolled(ObjectId userId, ObjectId courseId) {
        return userId != null && this.enrollments.exists(userId, courseId);
    }

}
