package dev.dualdb.product.web;

import java.util.List;

import dev.dualdb.product.ProductPage;

/**
 * A page of products with their images.
 *
 * @param items the products on this page, each with its images
 * @param page the number of this page, counting from 0
 * @param size the largest number of products a page holds
 * @param totalElements how many products there are on all pages
 * @param totalPages how many pages there are
 * @param mediaAvailable {@code false} when the media store could not be asked: every
 * product's images are then empty
 */
record ProductPageResponse(List<ProductResponse> items, int page, int size, long totalElements, int totalPages,
        boolean mediaAvailable) {

    static ProductPageResponse of(ProductPage page) {
        int totalPages = (int) ((page.totalElements() + page.size() - 1) / page.size());
        return new ProductPageResponse(page.items().stream().map(ProductResponse::of).toList(), page.page(),
                page.size(), page.totalElements(), totalPages, page.mediaAvailable());
    }
}
