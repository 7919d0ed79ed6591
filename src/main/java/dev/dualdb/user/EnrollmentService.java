package dev.dualdb.user;

import java.util.List;

import dev.dualdb.course.CourseService;
import dev.dualdb.user.internal.EnrollmentRepository;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Enrolments of users in courses: one per pair, both must exist. */
@Service
public class EnrollmentService {

    private final EnrollmentRepository enrollments;
    private final UserService users;
    private final CourseService courses;

    EnrollmentService(EnrollmentRepository enrollments, UserService users, CourseService courses) {
        this.enrollments = enrollments;
        this.users = users;
        this.courses = courses;
    }

    public Enrollment enroll(ObjectId courseId, ObjectId userId) {
        if (!courses.exists(courseId)) {
            throw new dev.dualdb.course.CourseNotFound(courseId);
        }
        if (!users.exists(userId)) {
            throw new UserNotFound(userId);
        }
        try {
            return enrollments.insert(userId, courseId);
        }
        catch (DuplicateKeyException e) {
            throw new DuplicateEnrollment(userId.toHexString(), courseId.toHexString());
        }
    }

    public List<Enrollment> ofCourse(ObjectId courseId) {
        if (!courses.exists(courseId)) {
            throw new dev.dualdb.course.CourseNotFound(courseId);
        }
        return enrollments.byCourse(courseId);
    }

    public List<Enrollment> ofUser(ObjectId userId) {
        if (!users.exists(userId)) {
            throw new UserNotFound(userId);
        }
        return enrollments.byUser(userId);
    }
}
