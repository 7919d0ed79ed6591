package dev.dualdb.product.internal;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import dev.dualdb.system.MongoIndexes;

/**
 * Creates the indexes of {@code products} at start-up: a unique SKU, and the fields lists
 * filter on.
 */
@Component
class ProductIndexes {

    private final MongoTemplate mongo;

    ProductIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationStartedEvent.class)
    void create() {
        MongoIndexes.ensure(this.mongo, ProductRepository.COLLECTION,
                new Index("sku", Sort.Direction.ASC).unique().named("uq_products_sku"),
                new Index("category", Sort.Direction.ASC).named("idx_products_category"),
                new Index("status", Sort.Direction.ASC).named("idx_products_status"));
    }

}
