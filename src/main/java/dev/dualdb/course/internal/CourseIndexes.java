package dev.dualdb.course.internal;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import dev.dualdb.system.MongoIndexes;

/**
 * Creates the indexes of {@code courses} at start-up: lesson ids (the media module asks
 * whether a lesson exists), and the fields lists filter on.
 */
@Component
class CourseIndexes {

    private final MongoTemplate mongo;

    CourseIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationStartedEvent.class)
    void create() {
        MongoIndexes.ensure(this.mongo, CourseRepository.COLLECTION,
                new Index(CourseRepository.LESSON_IDS, Sort.Direction.ASC).named("idx_courses_lesson_id"),
                new Index(CourseRepository.LEGACY_LESSON_IDS, Sort.Direction.ASC).named("idx_courses_legacy_lesson_id"),
                new Index("instructorId", Sort.Direction.ASC).named("idx_courses_instructor"),
                new Index("published", Sort.Direction.ASC).named("idx_courses_published"));
    }

}
