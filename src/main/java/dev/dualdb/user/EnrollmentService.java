package dev.dualdb.user;

import java.util.List;
import java.util.Set;

import org.bson.types.ObjectId;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import dev.dualdb.course.CourseDeleted;
import dev.dualdb.course.CourseService;
import dev.dualdb.user.internal.DuplicateEnrollment;
import dev.dualdb.user.internal.EnrollmentNotFound;
import dev.dualdb.user.internal.EnrollmentRepository;
import dev.dualdb.user.internal.UserNotFound;

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
        this.courses.requireCourse(courseId);
        if (!this.users.exists(userId)) {
            throw new UserNotFound(userId);
        }
        try {
            return this.enrollments.insert(userId, courseId);
        }
        catch (DuplicateKeyException ex) {
            throw new DuplicateEnrollment(userId.toHexString(), courseId.toHexString());
        }
    }

    public List<Enrollment> ofCourse(ObjectId courseId) {
        this.courses.requireCourse(courseId);
        return this.enrollments.byCourse(courseId);
    }

    public Enrollment get(ObjectId courseId, ObjectId enrollmentId) {
        return this.enrollments.find(courseId, enrollmentId).orElseThrow(() -> new EnrollmentNotFound(enrollmentId));
    }

    /**
     * The user's enrolments in courses that still exist (one query for the courses).
     * @param userId the user, who must exist
     * @return the enrolments, in the order the repository returns them
     */
    public List<Enrollment> ofUser(ObjectId userId) {
        if (!this.users.exists(userId)) {
            throw new UserNotFound(userId);
        }
        List<Enrollment> all = this.enrollments.byUser(userId);
        Set<ObjectId> live = this.courses.existing(all.stream().map((e) -> new ObjectId(e.courseId())).toList());
        return all.stream().filter((e) -> live.contains(new ObjectId(e.courseId()))).toList();
    }

    /**
     * A deleted course takes its enrolments with it.
     * @param deleted the event naming the deleted course
     */
    @EventListener
    void on(CourseDeleted deleted) {
        this.enrollments.deleteByCourse(deleted.courseId());
    }

}
