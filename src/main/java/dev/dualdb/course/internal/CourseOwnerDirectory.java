package dev.dualdb.course.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import dev.dualdb.media.MediaOwnerDirectory;
import dev.dualdb.media.OwnerKind;
import dev.dualdb.security.Caller;

/**
 * Tells the media module whether a course, or a lesson of any course, exists; the media
 * of a course or lesson is seen by those who may learn in the course and changed by those
 * who may edit it ({@link CourseAccess}).
 */
@Component
class CourseOwnerDirectory implements MediaOwnerDirectory {

    private final CourseRepository courses;

    private final CourseAccess access;

    CourseOwnerDirectory(CourseRepository courses, CourseAccess access) {
        this.courses = courses;
        this.access = access;
    }

    @Override
    public Set<OwnerKind> types() {
        return Set.of(OwnerKind.COURSE, OwnerKind.LESSON);
    }

    @Override
    public boolean exists(OwnerKind type, ObjectId id) {
        return switch (type) {
            case COURSE -> this.courses.exists(id);
            case LESSON -> this.courses.lessonExists(id);
            default -> false;
        };
    }

    @Override
    public Set<ObjectId> existing(OwnerKind type, Collection<ObjectId> ids) {
        return switch (type) {
            case COURSE -> this.courses.existing(ids);
            // One query for the whole batch: a query per lesson made the reconciler's
            // walk over 100,000 lessons take hours (bench/scale).
            case LESSON -> this.courses.existingLessons(ids);
            default -> MediaOwnerDirectory.super.existing(type, ids);
        };
    }

    @Override
    public boolean mayRead(OwnerKind type, ObjectId id, Caller caller) {
        return courseOf(type, id).map((course) -> this.access.mayLearn(course, caller)).orElse(false);
    }

    @Override
    public boolean mayWrite(OwnerKind type, ObjectId id, Caller caller) {
        return courseOf(type, id).map((course) -> this.access.mayEdit(course, caller)).orElse(false);
    }

    private Optional<ObjectId> courseOf(OwnerKind type, ObjectId id) {
        return switch (type) {
            case COURSE -> Optional.of(id);
            case LESSON -> this.courses.courseOfLesson(id);
            default -> Optional.empty();
        };
    }

}
