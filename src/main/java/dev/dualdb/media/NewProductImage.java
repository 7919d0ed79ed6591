package dev.dualdb.media;

/**
 * An image to record for a product, given by its URL (an external image that is never
 * fetched by the server).
 *
 * @param imageUrl the absolute http(s) URL of the image
 * @param fileName the file name the client gave, or {@code null}
 * @param fileSize the size in bytes, if the client knows it
 * @param mimeType the content type, if the client knows it
 * @param position order among the product's images; {@code null} appends
 * @param isPrimary whether this is the product's main image (at most one is)
 * @param altText the text describing the image, or {@code null}
 * @param width the width in pixels, if the client knows it
 * @param height the height in pixels, if the client knows it
 */
public record NewProductImage(String imageUrl, String fileName, Long fileSize, String mimeType, Integer position,
        boolean isPrimary, String altText, Integer width, Integer height) {
}
