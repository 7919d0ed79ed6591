package dev.dualdb.product.internal;

import java.util.Collection;
import java.util.Set;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import dev.dualdb.media.MediaOwnerDirectory;
import dev.dualdb.media.OwnerKind;

/** Tells the media module whether a product exists. */
@Component
class ProductOwnerDirectory implements MediaOwnerDirectory {

    private final ProductRepository products;

    ProductOwnerDirectory(ProductRepository products) {
        this.products = products;
    }

    @Override
    public Set<OwnerKind> types() {
        return Set.of(OwnerKind.PRODUCT);
    }

    @Override
    public boolean exists(OwnerKind type, ObjectId id) {
        return this.products.exists(id);
    }

    @Override
    public Set<ObjectId> existing(OwnerKind type, Collection<ObjectId> ids) {
        return this.products.existing(ids);
    }

}
