package dev.dualdb.product;

import java.math.BigDecimal;

/**
 * A product to create; validated by the web layer.
 *
 * @param name the product's name
 * @param description a longer text about the product, or {@code null}
 * @param price the price, in {@code currency}
 * @param currency the ISO 4217 code of the price's currency (such as {@code EUR})
 * @param sku the stock-keeping unit, unique among products
 * @param category the category the product is listed under, or {@code null}
 * @param stock how many are in stock
 * @param status the status to start in
 */
public record NewProduct(String name, String description, BigDecimal price, String currency, String sku,
        String category, Integer stock, ProductStatus status) {
}
