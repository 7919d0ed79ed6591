package dev.dualdb.system;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Health of the catalog store: {@code /actuator/health/mongodb}. MongoDB is required, so
 * DOWN means DOWN.
 */
@Component("mongodb")
class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    MongoHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document result = this.mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", this.mongo.getDb().getName()).withDetail("ping", result.get("ok"));
    }

}
