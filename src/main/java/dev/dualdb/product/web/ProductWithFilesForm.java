package dev.dualdb.product.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The multipart form of {@code POST /api/products} with image files, for the OpenAPI
 * document only.
 *
 * @param product the product as JSON, with the same fields as the JSON body of {@code
 * POST /api/products}
 * @param files the product's image files, each in its own part named {@code files}
 */
@Schema(description = "The product as JSON in a part named 'product' (first), then image files in parts named 'files'")
record ProductWithFilesForm(
        @Schema(description = "The product, as in the JSON request (without 'images')",
                implementation = CreateProductRequest.class) String product,
        @ArraySchema(schema = @Schema(type = "string", format = "binary")) List<String> files) {
}
