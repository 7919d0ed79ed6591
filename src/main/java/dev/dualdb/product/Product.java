package dev.dualdb.product;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product as stored in MongoDB ({@code products}); {@code id} is the ObjectId in hex.
 *
 * @param id the ObjectId in hex
 * @param name the product's name
 * @param description a longer text about the product, or {@code null}
 * @param price the price, in {@code currency}
 * @param currency the ISO 4217 code of the price's currency (such as {@code EUR})
 * @param sku the stock-keeping unit, unique among products
 * @param category the category the product is listed under, or {@code null}
 * @param stock how many are in stock
 * @param status whether it is being prepared, on sale or withdrawn
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Product(String id, String name, String description, BigDecimal price, String currency, String sku,
        String category, int stock, ProductStatus status, Instant createdAt, Instant updatedAt) {
}
