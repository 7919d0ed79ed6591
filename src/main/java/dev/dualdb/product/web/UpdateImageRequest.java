package dev.dualdb.product.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.dualdb.media.ProductImageChanges;

/**
 * Body of {@code PATCH /api/products/{id}/images/{imageId}}: only the fields given are
 * changed.
 *
 * @param position the new place among the product's images, from 0
 * @param isPrimary whether the image becomes (or stops being) the product's main image
 * @param altText the new text that describes the image, at most 500 characters
 */
record UpdateImageRequest(@PositiveOrZero @Max(10_000) Integer position, Boolean isPrimary,
        @Size(max = 500) String altText) {

    ProductImageChanges toChanges() {
        return new ProductImageChanges(this.position, this.isPrimary, this.altText);
    }
}
