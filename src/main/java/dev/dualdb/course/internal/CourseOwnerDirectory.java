package dev.dualdb.course.internal;

import java.util.Collection;
import java.util.Set;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import dev.dualdb.media.MediaOwnerDirectory;
import dev.dualdb.media.ReferenceType;

/** Tells the media module whether a course, or a lesson of any course, exists. */
@Component
class CourseOwnerDirectory implements MediaOwnerDirectory {

    private final CourseRepository courses;

    CourseOwnerDirectory(CourseRepository courses) {
        this.courses = courses;
    }

    @Override
    public Set<ReferenceType> types() {
        return Set.of(ReferenceType.COURSE, ReferenceType.LESSON);
    }

    @Override
    public boolean exists(ReferenceType type, ObjectId id) {
        return switch (type) {
            case COURSE -> this.courses.exists(id);
            case LESSON -> this.courses.lessonExists(id);
            default -> false;
        };
    }

    @Override
    public Set<ObjectId> existing(ReferenceType type, Collection<ObjectId> ids) {
        return (type == ReferenceType.COURSE) ? this.courses.existing(ids)
                : MediaOwnerDirectory.super.existing(type, ids);
    }

}
