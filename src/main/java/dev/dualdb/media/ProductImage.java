package dev.dualdb.media;

import java.time.Instant;
import java.util.UUID;

/** An image of a product (table {@code product_images}). */
public record ProductImage(
        UUID id,
        String mongoProductId,
        String imageUrl,
        String fileName,
        Long fileSize,
        String mimeType,
        StorageType storageType,
        int position,
        boolean isPrimary,
        String altText,
        Integer width,
        Integer height,
        Instant createdAt,
        Instant updatedAt) {
}
