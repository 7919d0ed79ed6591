package dev.dualdb.product.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/products/{id}/images}: one or more images given by URL.
 *
 * @param images one to 20 images to add to the product
 */
record AddImagesRequest(@NotEmpty @Size(max = 20) List<@Valid @NotNull ImageRequest> images) {
}
