package dev.dualdb.product;

import java.util.List;

/** One page of products, each with its images. */
public record ProductPage(List<ProductWithImages> items, int page, int size, long totalElements,
        boolean mediaAvailable) {
}
