package dev.dualdb.course.internal;

import org.bson.types.ObjectId;

import dev.dualdb.system.DomainException;

/** No course with that id. */
public class CourseNotFound extends DomainException {

    public CourseNotFound(ObjectId id) {
        super(Kind.NOT_FOUND, "course-not-found", "No course with id " + id.toHexString());
    }

}
