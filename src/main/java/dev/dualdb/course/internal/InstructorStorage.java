package dev.dualdb.course.internal;

import java.util.List;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import dev.dualdb.media.MediaUsage;
import dev.dualdb.security.StorageUsage;

/**
 * What an instructor has stored: the media of the courses they teach (an instructor
 * uploads only into those). Two queries: the course ids (MongoDB,
 * {@code idx_courses_instructor}), the sum of their file sizes (PostgreSQL).
 */
@Component
class InstructorStorage implements StorageUsage {

    private final CourseRepository courses;

    private final MediaUsage media;

    InstructorStorage(CourseRepository courses, MediaUsage media) {
        this.courses = courses;
        this.media = media;
    }

    @Override
    public long bytesStoredBy(String userId) {
        if (!ObjectId.isValid(userId)) {
            return 0;
        }
        List<ObjectId> taught = this.courses.idsTaughtBy(new ObjectId(userId));
        return this.media.courseBytes(taught);
    }

}
