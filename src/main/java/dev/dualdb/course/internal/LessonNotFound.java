package dev.dualdb.course.internal;

import org.bson.types.ObjectId;

import dev.dualdb.system.DomainException;

/**
 * The course has no lesson with that id (its code matches the media module's owner check
 * for lessons).
 */
public class LessonNotFound extends DomainException {

    public LessonNotFound(ObjectId courseId, ObjectId lessonId) {
        super(Kind.NOT_FOUND, "lesson-not-found",
                "Course " + courseId.toHexString() + " has no lesson with id " + lessonId.toHexString());
    }

}
