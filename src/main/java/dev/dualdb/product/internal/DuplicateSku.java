package dev.dualdb.product.internal;

import dev.dualdb.system.DomainException;

/** Another product already has that SKU. */
public class DuplicateSku extends DomainException {

    public DuplicateSku(String sku) {
        super(Kind.CONFLICT, "duplicate-sku", "A product with SKU '" + sku + "' already exists");
    }

}
