package dev.dualdb.product.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.dualdb.media.ProductImage;
import dev.dualdb.product.Product;
import dev.dualdb.product.ProductStatus;
import dev.dualdb.product.ProductWithImages;

/**
 * A product with its images, as the API shows it.
 *
 * @param id the product's id (24 hexadecimal characters)
 * @param name the product's name
 * @param description the free-text description, or {@code null}
 * @param price the price
 * @param currency the ISO 4217 code of the price's currency
 * @param sku the stock-keeping unit, unique among products
 * @param category the category the product is listed under, or {@code null}
 * @param stock how many items are in stock
 * @param status whether the product is a draft or on sale (active)
 * @param createdAt when the product was created
 * @param updatedAt when the product last changed
 * @param images the product's images, in order
 * @param mediaAvailable {@code false} when the media store could not be asked:
 * {@code images} is then empty
 */
record ProductResponse(String id, String name, @Schema(nullable = true) String description, BigDecimal price,
        String currency, String sku, @Schema(nullable = true) String category, int stock, ProductStatus status,
        @Schema(nullable = true) Instant createdAt, @Schema(nullable = true) Instant updatedAt,
        List<ProductImage> images, boolean mediaAvailable) {

    static ProductResponse of(ProductWithImages composed) {
        Product p = composed.product();
        return new ProductResponse(p.id(), p.name(), p.description(), p.price(), p.currency(), p.sku(), p.category(),
                p.stock(), p.status(), p.createdAt(), p.updatedAt(), composed.images(), composed.mediaAvailable());
    }
}
