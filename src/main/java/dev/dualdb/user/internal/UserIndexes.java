package dev.dualdb.user.internal;

import org.bson.Document;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import dev.dualdb.system.MongoIndexes;

/**
 * Creates the unique indexes of {@code users} (email) and {@code enrollments} (user +
 * course) at start-up.
 */
@Component
class UserIndexes {

    private final MongoTemplate mongo;

    UserIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationStartedEvent.class)
    void create() {
        MongoIndexes.ensure(this.mongo, UserRepository.COLLECTION,
                new Index("email", Sort.Direction.ASC).unique().named("uq_users_email"),
                new Index(UserRepository.EXTERNAL_ID, Sort.Direction.ASC).unique()
                    .sparse()
                    .named("uq_users_external_id"));
        MongoIndexes.ensure(this.mongo, EnrollmentRepository.COLLECTION,
                new CompoundIndexDefinition(new Document("userId", 1).append("courseId", 1)).unique()
                    .named("uq_enrollments_user_course"));
    }

}
