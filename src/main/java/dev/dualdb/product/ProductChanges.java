package dev.dualdb.product;

import java.math.BigDecimal;

/**
 * A partial update of a product: {@code null} leaves a field as it is; fields not named
 * here are never touched.
 */
public record ProductChanges(String name, String description, BigDecimal price, String currency, String sku,
        String category, Integer stock, ProductStatus status) {

    boolean isEmpty() {
        return this.name == null && this.description == null && this.price == null && this.currency == null
                && this.sku == null && this.category == null && this.stock == null && this.status == null;
    }
}
