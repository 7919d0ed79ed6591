package dev.dualdb.user.internal;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Creates the unique indexes of {@code users} (email) and {@code enrollments} (user + course) at start-up. */
@Component
class UserIndexes {

    private static final Logger log = LoggerFactory.getLogger(UserIndexes.class);

    private final MongoTemplate mongo;

    UserIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationStartedEvent.class)
    void create() {
        try {
            mongo.indexOps(UserRepository.COLLECTION)
                    .createIndex(new Index("email", Sort.Direction.ASC).unique().named("uq_users_email"));
            mongo.indexOps(EnrollmentRepository.COLLECTION).createIndex(
                    new CompoundIndexDefinition(new Document("userId", 1).append("courseId", 1))
                            .unique().named("uq_enrollments_user_course"));
        }
        catch (RuntimeException e) {
            log.error("Could not create the user indexes; is MongoDB reachable?", e);
        }
    }
}
