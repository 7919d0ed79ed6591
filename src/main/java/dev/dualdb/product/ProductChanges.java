package dev.dualdb.product;

import java.math.BigDecimal;

/**
 * A partial update of a product: {@code null} leaves a field as it is; fields not named
 * here are never touched.
 */
public record ProductChanges(String name, String description, BigDecimal price, String currency, String sku,
        String category, Integer stock, ProductStatus status) {

    boolean isEmpty() {
        return name == null && description == null && price == null && currency == null && sku == null
                && category == null && stock == null && status == null;
    }
}
