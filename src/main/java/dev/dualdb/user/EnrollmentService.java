package dev.dualdb.user;

import java.util.List;
import java.util.Set;

import org.bson.types.ObjectId;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import dev.dualdb.course.Course;
import dev.dualdb.course.CourseDeleted;
import dev.dualdb.course.CourseService;
import dev.dualdb.security.Caller;
import dev.dualdb.user.internal.DuplicateEnrollment;
import dev.dualdb.user.internal.EnrollmentNotFound;
import dev.dualdb.user.internal.EnrollmentRefused;
import dev.dualdb.user.internal.EnrollmentRepository;
import dev.dualdb.user.internal.PaymentRequired;
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

    /**
     * Enrols a user in a course, as the caller may: anyone enrols themselves in a free
     * course; a course's instructor and admins enrol anyone, in any course.
     * @param courseId the course
     * @param userId the user to enrol
     * @param caller who asks
     * @return the enrolment
     */
    public Enrollment enroll(ObjectId courseId, ObjectId userId, Caller caller) {
        Course course = this.courses.document(courseId);
        boolean teaches = caller.isAdmin() || caller.is(course.instructorId());
        if (!teaches && !caller.is(userId)) {
            throw new EnrollmentRefused("Only the course's instructor or an admin enrols another user");
        }
        if (!teaches && course.price() != null && course.price().signum() > 0) {
            throw new PaymentRequired(courseId);
        }
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

    /**
     * The enrolments in a course, for its instructor and admins.
     * @param courseId the course
     * @param caller who asks
     * @return the enrolments
     */
    public List<Enrollment> ofCourse(ObjectId courseId, Caller caller) {
        Course course = this.courses.document(courseId);
        if (!caller.isAdmin() && !caller.is(course.instructorId())) {
            throw new EnrollmentRefused("Only the course's instructor or an admin sees its enrolments");
        }
        return this.enrollments.byCourse(courseId);
    }

    /**
     * One enrolment, for the enrolled user, the course's instructor and admins; to anyone
     * else it does not exist.
     * @param courseId the course
     * @param enrollmentId the enrolment
     * @param caller who asks
     * @return the enrolment
     */
    public Enrollment get(ObjectId courseId, ObjectId enrollmentId, Caller caller) {
        Enrollment enrollment = this.enrollments.find(courseId, enrollmentId)
            .orElseThrow(() -> new EnrollmentNotFound(enrollmentId));
        if (caller.isAdmin() || caller.is(enrollment.userId()) || teaches(caller, courseId)) {
            return enrollment;
        }
        throw new EnrollmentNotFound(enrollmentId);
    }

    private boolean teaches(Caller caller, ObjectId courseId) {
        return this.courses.exists(courseId) && caller.is(this.courses.document(courseId).instructorId());
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
