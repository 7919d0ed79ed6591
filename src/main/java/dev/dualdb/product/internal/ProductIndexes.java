package dev.dualdb.product.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Creates the indexes of {@code products} at start-up: a unique SKU, and the fields lists filter on. */
@Component
class ProductIndexes {

    private static final Logger log = LoggerFactory.getLogger(ProductIndexes.class);

    private final MongoTemplate mongo;

    ProductIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationStartedEvent.class)
    void create() {
        try {
            createIndexes();
        }
        catch (RuntimeException e) {
            log.error("Could not create the product indexes; is MongoDB reachable?", e);
        }
    }

    private void createIndexes() {
        var indexes = mongo.indexOps(ProductRepository.COLLECTION);
        indexes.createIndex(new Index("sku", Sort.Direction.ASC).unique().named("uq_products_sku"));
        indexes.createIndex(new Index("category", Sort.Direction.ASC).named("idx_products_category"));
        indexes.createIndex(new Index("status", Sort.Direction.ASC).named("idx_products_status"));
        log.debug("Product indexes are in place");
    }
}
