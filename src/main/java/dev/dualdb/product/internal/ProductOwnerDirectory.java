package dev.dualdb.product.internal;

import java.util.Collection;
import java.util.Set;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import dev.dualdb.media.MediaOwnerDirectory;
import dev.dualdb.media.ReferenceType;

/** Tells the media module whether a product exists. */
@Component
class ProductOwnerDirectory implements MediaOwnerDirectory {

    private final ProductRepository products;

    ProductOwnerDirectory(ProductRepository products) {
        this.products = products;
    }

    @Override
    public Set<ReferenceType> types() {
        return Set.of(ReferenceType.PRODUCT);
    }

    @Override
    public boolean exists(ReferenceType type, ObjectId id) {
        return this.products.exists(id);
    }

    @Override
    public Set<ObjectId> existing(ReferenceType type, Collection<ObjectId> ids) {
        return this.products.existing(ids);
    }

}
