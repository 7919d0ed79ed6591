package dev.dualdb.product;

import java.util.List;

import dev.dualdb.media.ProductImage;

/**
 * A product composed from both databases: the document from MongoDB and its images from
 * PostgreSQL.
 *
 * @param product the document from MongoDB
 * @param images its images, in display order
 * @param mediaAvailable {@code false} when PostgreSQL could not be asked; {@code images}
 * is then empty
 */
public record ProductWithImages(Product product, List<ProductImage> images, boolean mediaAvailable) {
}
