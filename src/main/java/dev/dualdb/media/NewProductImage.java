package dev.dualdb.media;

/**
 * An image to record for a product, given by its URL (an external image that is never
 * fetched by the server).
 *
 * @param position order among the product's images; {@code null} appends
 * @param isPrimary whether this is the product's main image (at most one is)
 */
public record NewProductImage(String imageUrl, String fileName, Long fileSize, String mimeType, Integer position,
        boolean isPrimary, String altText, Integer width, Integer height) {
}
