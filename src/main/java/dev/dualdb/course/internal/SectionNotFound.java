package dev.dualdb.course.internal;

import org.bson.types.ObjectId;

import dev.dualdb.system.DomainException;

/** The course has no section with that id. */
public class SectionNotFound extends DomainException {

    public SectionNotFound(ObjectId courseId, ObjectId sectionId) {
        super(Kind.NOT_FOUND, "section-not-found",
                "Course " + courseId.toHexString() + " has no section with id " + sectionId.toHexString());
    }

}
