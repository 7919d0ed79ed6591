package dev.dualdb.product;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product as stored in MongoDB ({@code products}); {@code id} is the ObjectId in hex.
 */
public record Product(String id, String name, String description, BigDecimal price, String currency, String sku,
        String category, int stock, ProductStatus status, Instant createdAt, Instant updatedAt) {
}
