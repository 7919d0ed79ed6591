package dev.dualdb.product.web;

import java.net.URI;

import dev.dualdb.product.Product;
import dev.dualdb.product.ProductService;
import dev.dualdb.product.ProductWithImages;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bson.types.ObjectId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Product routes: the product document (MongoDB) with its images (PostgreSQL). */
@RestController
@RequestMapping("/api/products")
class ProductController {

    private final ProductService products;

    ProductController(ProductService products) {
        this.products = products;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProductResponse> create(@Valid @RequestBody CreateProductRequest request) {
        ProductWithImages created = products.create(request.toNewProduct(), request.toNewImages());
        return ResponseEntity.created(URI.create("/api/products/" + created.product().id()))
                .body(ProductResponse.of(created));
    }

    @GetMapping("/{id}")
    ProductResponse get(@PathVariable ObjectId id) {
        return ProductResponse.of(products.get(id));
    }

    @GetMapping
    ProductPageResponse list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return ProductPageResponse.of(products.list(page, size));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProductResponse update(@PathVariable ObjectId id, @Valid @RequestBody UpdateProductRequest request) {
        Product updated = products.update(id, request.toChanges());
        return ProductResponse.of(products.get(new ObjectId(updated.id())));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable ObjectId id) {
        products.delete(id);
        return ResponseEntity.noContent().build();
    }
}
