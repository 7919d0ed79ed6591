package dev.dualdb.media;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An image of a product (table {@code product_images}).
 *
 * @param imageUrl where to get it: {@code /media/{id}} for stored bytes, the recorded URL
 * for external images
 * @param renditions thumbnails of stored images, smallest first (empty for external
 * images)
 */
public record ProductImage(UUID id, String mongoProductId, String imageUrl, @Schema(nullable = true) String fileName,
        @Schema(nullable = true) Long fileSize, @Schema(nullable = true) String mimeType, StorageType storageType,
        int position, boolean isPrimary, @Schema(nullable = true) String altText,
        @Schema(nullable = true) Integer width, @Schema(nullable = true) Integer height, Instant createdAt,
        Instant updatedAt, java.util.List<RenditionLink> renditions) {

    ProductImage withRenditions(java.util.List<RenditionLink> links) {
        return new ProductImage(id, mongoProductId, imageUrl, fileName, fileSize, mimeType, storageType, position,
                isPrimary, altText, width, height, createdAt, updatedAt, links);
    }
}
