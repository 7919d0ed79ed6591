package dev.dualdb.product.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.dualdb.media.ProductImageChanges;

/**
 * Body of {@code PATCH /api/products/{id}/images/{imageId}}: only the fields given are
 * changed.
 */
record UpdateImageRequest(@PositiveOrZero @Max(10_000) Integer position, Boolean isPrimary,
        @Size(max = 500) String altText) {

    ProductImageChanges toChanges() {
        return new ProductImageChanges(this.position, this.isPrimary, this.altText);
    }
}
