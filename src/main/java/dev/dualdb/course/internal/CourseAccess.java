package dev.dualdb.course.internal;

import java.util.Optional;
import java.util.function.Supplier;

import org.bson.types.ObjectId;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

import dev.dualdb.course.CourseEnrollments;
import dev.dualdb.security.Caller;

/**
 * Who may do what with one course, in one place: its instructor and admins edit it; they
 * and its enrolled students see its private media (videos that are not previews, lesson
 * resources) and count views. The route rules and the course's own answers ask here.
 */
@Component
public class CourseAccess {

    private final CourseRepository courses;

    private final CourseEnrollments enrollments;

    CourseAccess(CourseRepository courses, CourseEnrollments enrollments) {
        this.courses = courses;
        this.enrollments = enrollments;
    }

    /**
     * Whether the caller may change the course: an admin, or the instructor who teaches
     * it. A course that does not exist is left to the route (which answers 404).
     * @param courseId the course
     * @param caller the caller
     * @return whether the caller may edit it
     */
    public boolean mayEdit(ObjectId courseId, Caller caller) {
        if (caller.isAdmin()) {
            return true;
        }
        if (!caller.hasRole(Caller.INSTRUCTOR)) {
            return false;
        }
        Optional<String> instructor = this.courses.instructorOf(courseId);
        return instructor.isEmpty() || caller.is(instructor.get());
    }

    /**
     * Whether the caller may see the course's private media and count views: an editor of
     * the course or a student enrolled in it.
     * @param courseId the course
     * @param caller the caller
     * @return whether the caller may
     */
    public boolean mayLearn(ObjectId courseId, Caller caller) {
        if (caller.isAnonymous()) {
            return false;
        }
        if (caller.isAdmin()) {
            return true;
        }
        Optional<String> instructor = this.courses.instructorOf(courseId);
        if (instructor.isEmpty()) {
            return false;
        }
        return caller.is(instructor.get()) || this.enrollments.isEnrolled(caller.id(), courseId);
    }

    /**
     * A route rule: the caller may edit the course named by the path variable {@code id}.
     * @return the rule
     */
    public AuthorizationManager<RequestAuthorizationContext> editor() {
        return (authentication, context) -> decide(authentication, context, true);
    }

    /**
     * A route rule: the caller may learn in the course named by the path variable
     * {@code id}.
     * @return the rule
     */
    public AuthorizationManager<RequestAuthorizationContext> learner() {
        return (authentication, context) -> decide(authentication, context, false);
    }

    private AuthorizationResult decide(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context, boolean edit) {
        Caller caller = (authentication.get() != null && authentication.get().getPrincipal() instanceof Caller c) ? c
                : Caller.ANONYMOUS;
        if (caller.isAnonymous()) {
            return new AuthorizationDecision(false);
        }
        String id = context.getVariables().get("id");
        if (id == null || !ObjectId.isValid(id)) {
            // A malformed id: let the route answer 400.
            return new AuthorizationDecision(true);
        }
        ObjectId courseId = new ObjectId(id);
        return new AuthorizationDecision(edit ? mayEdit(courseId, caller) : mayLearn(courseId, caller));
    }

}
