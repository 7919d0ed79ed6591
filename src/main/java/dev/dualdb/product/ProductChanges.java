package dev.dualdb.product;

import java.math.BigDecimal;

/**
 * A partial update of a product: {@code null} leaves a field as it is; fields not named
 * here are never touched.
 *
 * @param name the new name
 * @param description the new description
 * @param price the new price
 * @param currency the new currency (ISO 4217 code)
 * @param sku the new stock-keeping unit, unique among products
 * @param category the new category
 * @param stock the new number in stock
 * @param status the new status
 */
public record ProductChanges(String name, String description, BigDecimal price, String currency, String sku,
        String category, Integer stock, ProductStatus status) {

    boolean isEmpty() {
        return this.name == null && this.description == null && this.price == null && this.currency == null
                && this.sku == null && this.category == null && this.stock == null && this.status == null;
    }
}
