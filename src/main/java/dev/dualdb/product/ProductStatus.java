package dev.dualdb.product;

/** Whether a product is being prepared, on sale, or withdrawn. */
public enum ProductStatus {

    /** Being prepared, not on sale yet. */
    DRAFT,

    /** On sale. */
    ACTIVE,

    /** Withdrawn from sale. */
    ARCHIVED

}
