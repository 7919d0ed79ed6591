package dev.dualdb.course.internal;

import dev.dualdb.course.Course;
import dev.dualdb.system.DomainException;
import org.bson.types.ObjectId;

/** The course has no section with that id. */
public class SectionNotFound extends DomainException {

    public SectionNotFound(ObjectId courseId, ObjectId sectionId) {
        super(Kind.NOT_FOUND, "section-not-found",
                "Course " + courseId.toHexString() + " has no section with id " + sectionId.toHexString());
    }

}
