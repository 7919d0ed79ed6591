package dev.dualdb.course.internal;

import org.bson.types.ObjectId;

import dev.dualdb.system.DomainException;

/**
 * The sections of a course kept changing under an edit: every attempt lost the race to
 * another writer. Rare (each lost attempt means someone else's edit succeeded); the
 * client may simply retry.
 */
public class CourseEditConflict extends DomainException {

    public CourseEditConflict(ObjectId id, int attempts) {
        super(Kind.CONFLICT, "course-edit-conflict", "Course " + id.toHexString() + " changed concurrently " + attempts
                + " times while being edited; try again");
    }

}
