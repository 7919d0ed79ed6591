package dev.dualdb.product.web;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.dualdb.media.NewProductImage;
import dev.dualdb.product.NewProduct;
import dev.dualdb.product.ProductStatus;

/**
 * Body of {@code POST /api/products}: the product and, optionally, its images.
 *
 * @param name the product's name, at most 200 characters
 * @param description a free-text description, at most 10,000 characters
 * @param price the price, zero or more, with at most four decimal places
 * @param currency the ISO 4217 code of the price's currency, such as EUR; USD if absent
 * @param sku the stock-keeping unit: unique among products; letters, digits, '.', '_' and
 * '-'
 * @param category the category the product is listed under, at most 100 characters
 * @param stock how many items are in stock, zero or more; 0 if absent
 * @param status whether the product is a draft or on sale (active); a draft if absent
 * @param images up to 20 images given by URL, recorded with the product
 */
record CreateProductRequest(@NotBlank @Size(max = 200) String name, @Size(max = 10_000) String description,
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal price,
        @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9._-]+$",
                message = "may contain letters, digits, '.', '_' and '-' only") String sku,
        @Size(max = 100) String category, @PositiveOrZero Integer stock, ProductStatus status,
        @Size(max = 20) List<@Valid @NotNull ImageRequest> images) {

    NewProduct toNewProduct() {
        return new NewProduct(this.name.strip(), this.description, this.price,
                (this.currency == null) ? "USD" : this.currency, this.sku, this.category,
                (this.stock == null) ? 0 : this.stock, (this.status == null) ? ProductStatus.DRAFT : this.status);
    }

    List<NewProductImage> toNewImages() {
        return (this.images == null) ? List.of() : this.images.stream().map(ImageRequest::toNewImage).toList();
    }
}
