package dev.dualdb.media;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An image of a product (table {@code product_images}).
 *
 * @param imageUrl where to get it: {@code /media/{id}} for stored bytes, the recorded URL
 * for external images
 * @param renditions thumbnails of stored images, smallest first (empty for external
 * images)
 */
public record ProductImage(UUID id, String mongoProductId, String imageUrl, String fileName, Long fileSize,
        String mimeType, StorageType storageType, int position, boolean isPrimary, String altText, Integer width,
        Integer height, Instant createdAt, Instant updatedAt, List<RenditionLink> renditions) {

    ProductImage withRenditions(List<RenditionLink> links) {
        return new ProductImage(this.id, this.mongoProductId, this.imageUrl, this.fileName, this.fileSize,
                this.mimeType, this.storageType, this.position, this.isPrimary, this.altText, this.width, this.height,
                this.createdAt, this.updatedAt, links);
    }
}
