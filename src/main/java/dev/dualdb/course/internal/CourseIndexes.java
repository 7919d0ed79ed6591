package dev.dualdb.course.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes of {@code courses} at start-up: lesson ids (the media module asks whether a lesson exists),
 * and the fields lists filter on.
 */
@Component
class CourseIndexes {

    private static final Logger log = LoggerFactory.getLogger(CourseIndexes.class);

    private final MongoTemplate mongo;

    CourseIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationStartedEvent.class)
    void create() {
        try {
            createIndexes();
        }
        catch (RuntimeException e) {
            log.error("Could not create the course indexes; is MongoDB reachable?", e);
        }
    }

    private void createIndexes() {
        var indexes = mongo.indexOps(CourseRepository.COLLECTION);
        indexes.createIndex(new Index(CourseRepository.LESSON_IDS, Sort.Direction.ASC).named("idx_courses_lesson_id"));
        indexes.createIndex(new Index("instructorId", Sort.Direction.ASC).named("idx_courses_instructor"));
        indexes.createIndex(new Index("published", Sort.Direction.ASC).named("idx_courses_published"));
        log.debug("Course indexes are in place");
    }
}
