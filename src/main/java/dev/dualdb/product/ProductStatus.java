package dev.dualdb.product;

/** Whether a product is being prepared, on sale, or withdrawn. */
public enum ProductStatus {

    DRAFT, ACTIVE, ARCHIVED

}
