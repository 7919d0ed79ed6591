package dev.dualdb.product;

import java.math.BigDecimal;

/** A product to create; validated by the web layer. */
public record NewProduct(String name, String description, BigDecimal price, String currency, String sku,
        String category, Integer stock, ProductStatus status) {
}
