package dev.dualdb.product.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.dualdb.product.ProductChanges;
import dev.dualdb.product.ProductStatus;

/**
 * Body of {@code PATCH /api/products/{id}}: only the fields given are changed.
 *
 * @param name the new name, not blank, at most 200 characters
 * @param description a free-text description, at most 10,000 characters
 * @param price the price, zero or more, with at most four decimal places
 * @param currency the ISO 4217 code of the price's currency, such as EUR
 * @param sku the new stock-keeping unit: unique among products; letters, digits, '.', '_'
 * and '-'
 * @param category the category the product is listed under, at most 100 characters
 * @param stock how many items are in stock, zero or more
 * @param status whether the product is a draft or on sale (active)
 */
record UpdateProductRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") String name,
        @Size(max = 10_000) String description, @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal price,
        @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR") String currency,
        @Size(min = 1, max = 64) @Pattern(regexp = "^[A-Za-z0-9._-]+$",
                message = "may contain letters, digits, '.', '_' and '-' only") String sku,
        @Size(max = 100) String category, @PositiveOrZero Integer stock, ProductStatus status) {

    ProductChanges toChanges() {
        return new ProductChanges((this.name == null) ? null : this.name.strip(), this.description, this.price,
                this.currency, this.sku, this.category, this.stock, this.status);
    }
}
