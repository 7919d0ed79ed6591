package dev.dualdb.product.internal;

import org.bson.types.ObjectId;

import dev.dualdb.system.DomainException;

/** No product with that id. */
public class ProductNotFound extends DomainException {

    public ProductNotFound(ObjectId id) {
        super(Kind.NOT_FOUND, "product-not-found", "No product with id " + id.toHexString());
    }

}
