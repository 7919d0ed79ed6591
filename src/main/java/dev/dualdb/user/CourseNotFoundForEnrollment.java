package dev.dualdb.user;

import dev.dualdb.system.DomainException;
import org.bson.types.ObjectId;

/** An enrolment names a course that does not exist. */
public class CourseNotFoundForEnrollment extends DomainException {

    public CourseNotFoundForEnrollment(ObjectId id) {
        super(Kind.NOT_FOUND, "course-not-found", "No course with id " + id.toHexString());
    }
}
