/**
 * The product routes, including the product images and their uploads, with the request
 * and response records and multipart forms they use.
 */
package dev.dualdb.product.web;
