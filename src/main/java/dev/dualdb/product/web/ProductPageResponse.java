package dev.dualdb.product.web;

import java.util.List;

import dev.dualdb.product.ProductPage;

/** A page of products with their images. */
record ProductPageResponse(List<ProductResponse> items, int page, int size, long totalElements, int totalPages,
        boolean mediaAvailable) {

    static ProductPageResponse of(ProductPage page) {
        int totalPages = (int) ((page.totalElements() + page.size() - 1) / page.size());
        return new ProductPageResponse(page.items().stream().map(ProductResponse::of).toList(), page.page(),
                page.size(), page.totalElements(), totalPages, page.mediaAvailable());
    }
}
