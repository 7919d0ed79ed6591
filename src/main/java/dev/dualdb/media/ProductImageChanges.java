package dev.dualdb.media;

/**
 * A partial update of a product image: {@code null} leaves a field as it is.
 *
 * @param position the new place among the product's images
 * @param isPrimary whether the image becomes (or stops being) the product's main image
 * @param altText the new text describing the image
 */
public record ProductImageChanges(Integer position, Boolean isPrimary, String altText) {
}
