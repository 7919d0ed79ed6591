package dev.dualdb.product.internal;

import java.util.Collection;
import java.util.Set;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import dev.dualdb.media.MediaOwnerDirectory;
import dev.dualdb.media.OwnerKind;
import dev.dualdb.security.Caller;

/**
 * Tells the media module whether a product exists; a product's media is public, changed
 * by admins.
 */
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

    @Override
    public boolean mayRead(OwnerKind type, ObjectId id, Caller caller) {
        return true;
    }

}
