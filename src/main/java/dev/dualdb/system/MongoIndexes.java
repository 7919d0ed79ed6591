package dev.dualdb.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * Creates a collection's indexes at start-up. MongoDB being unreachable then must not
 * stop the service (it answers 503 until MongoDB is back), so a failure is logged, not
 * thrown.
 */
public final class MongoIndexes {

    private static final Logger log = LoggerFactory.getLogger(MongoIndexes.class);

    private MongoIndexes() {
    }

    public static void ensure(MongoTemplate mongo, String collection, IndexDefinition... indexes) {
        try {
            var operations = mongo.indexOps(collection);
            for (IndexDefinition index : indexes) {
                operations.createIndex(index);
            }
        }
        catch (RuntimeException ex) {
            log.error("Could not create the indexes of '{}'; is MongoDB reachable?", collection, ex);
        }
    }

}
