package dev.dualdb.media;

/** A partial update of a product image: {@code null} leaves a field as it is. */
public record ProductImageChanges(Integer position, Boolean isPrimary, String altText) {
}
