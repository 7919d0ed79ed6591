package dev.dualdb.product;

import java.util.List;

/**
 * One page of products, each with its images.
 *
 * @param items the products of this page, newest first, each with its images
 * @param page the page number, from 0
 * @param size the most products on a page
 * @param totalElements how many products there are in all
 * @param mediaAvailable {@code false} when PostgreSQL could not be asked; every product's
 * images are then empty
 */
public record ProductPage(List<ProductWithImages> items, int page, int size, long totalElements,
        boolean mediaAvailable) {
}
