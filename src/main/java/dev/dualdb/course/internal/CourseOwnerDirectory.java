package dev.dualdb.course.internal;

import java.util.Collection;
import java.util.Set;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import dev.dualdb.media.MediaOwnerDirectory;
import dev.dualdb.media.OwnerKind;

/** Tells the media module whether a course, or a lesson of any course, exists. */
@Component
class CourseOwnerDirectory implements MediaOwnerDirectory {

    private final CourseRepository courses;

    CourseOwnerDirectory(CourseRepository courses) {
        this.courses = courses;
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
        return (type == OwnerKind.COURSE) ? this.courses.existing(ids) : MediaOwnerDirectory.super.existing(type, ids);
    }

}
