package dev.dualdb.media;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An image of a product (table {@code product_images}).
 *
 * @param id the row's id
 * @param mongoProductId the product (24 hex characters)
 * @param imageUrl where to get it: {@code /media/{id}} for stored bytes, the recorded URL
 * for external images
 * @param fileName the file name the client gave, or {@code null}
 * @param fileSize the size in bytes, or {@code null} if unknown
 * @param mimeType the content type (sniffed from the bytes for uploads), or {@code null}
 * @param storageType where the bytes are, or {@link StorageType#EXTERNAL} for a recorded
 * URL
 * @param position the place among the product's images, from 0
 * @param isPrimary whether this is the product's main image (at most one is)
 * @param altText the text describing the image, or {@code null}
 * @param width the width in pixels, or {@code null} if unknown
 * @param height the height in pixels, or {@code null} if unknown
 * @param createdAt when the row was written
 * @param updatedAt when the row last changed
 * @param renditions thumbnails of stored images, smallest first (empty for external
 * images)
 */
public record ProductImage(UUID id, String mongoProductId, String imageUrl, @Schema(nullable = true) String fileName,
        @Schema(nullable = true) Long fileSize, @Schema(nullable = true) String mimeType, StorageType storageType,
        int position, boolean isPrimary, @Schema(nullable = true) String altText,
        @Schema(nullable = true) Integer width, @Schema(nullable = true) Integer height, Instant createdAt,
        Instant updatedAt, List<RenditionLink> renditions) {

    ProductImage withRenditions(List<RenditionLink> links) {
        return new ProductImage(this.id, this.mongoProductId, this.imageUrl, this.fileName, this.fileSize,
                this.mimeType, this.storageType, this.position, this.isPrimary, this.altText, this.width, this.height,
                this.createdAt, this.updatedAt, links);
    }
}
