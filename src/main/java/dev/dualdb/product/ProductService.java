package dev.dualdb.product;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import dev.dualdb.media.MediaKind;
import dev.dualdb.media.MediaService;
import dev.dualdb.media.NewProductImage;
import dev.dualdb.media.ProductImage;
import dev.dualdb.media.ProductImageChanges;
import dev.dualdb.media.ProductImageService;
import dev.dualdb.media.UploadedFile;
import dev.dualdb.postgres.PostgresUnavailable;
import dev.dualdb.product.internal.DuplicateSku;
import dev.dualdb.product.internal.ProductNotFound;
import dev.dualdb.product.internal.ProductRepository;
import dev.dualdb.system.IdempotentRequest;
import dev.dualdb.system.Step;
import dev.dualdb.system.Steps;

/**
 * Products (MongoDB) composed with their images (PostgreSQL). Reads start from the
 * MongoDB document, so an image row whose product is gone is never shown; when PostgreSQL
 * is unavailable, reads still answer and say so.
 */
@Service
public class ProductService {

    private static final Logger log = LoggerFactory.getLogger(ProductService.class);

    private final ProductRepository products;

    private final MediaService media;

    private final ProductImageService images;

    private final AsyncTaskExecutor executor;

    private final Steps steps;

    ProductService(ProductRepository products, MediaService media, ProductImageService images,
            @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor, Steps steps) {
        this.products = products;
        this.media = media;
        this.images = images;
        this.executor = executor;
        this.steps = steps;
    }

    /**
     * Creates a product and, optionally, its images: all or nothing as the client sees
     * it. The product is written first; if the images cannot be recorded the product is
     * removed again before the error is reported. Under an {@code Idempotency-Key} the
     * product's id is reserved with the key, so a retry after a crash between the two
     * steps finds the product of the first attempt and finishes it instead of creating a
     * second one.
     * @param product the product to create
     * @param images the images to record with it, possibly none
     * @return the created product with its images
     */
    public ProductWithImages create(NewProduct product, List<NewProductImage> images) {
        ObjectId id = IdempotentRequest.reservedId().orElseGet(ObjectId::new);
        Optional<Product> firstAttempt = this.products.find(id);
        Product created = firstAttempt.orElseGet(() -> insert(id, product));
        // From here on any failure is compensated: the client is told the create failed,
        // so no product may remain.
        try {
            this.steps.reached(Step.PRODUCT_DOCUMENT_WRITTEN);
            if (images.isEmpty()) {
                return new ProductWithImages(created, List.of(), true);
            }
            if (firstAttempt.isPresent()) {
                List<ProductImage> saved = this.images.getProductImages(id);
                if (!saved.isEmpty()) {
                    return new ProductWithImages(created, saved, true);
                }
            }
            return new ProductWithImages(created, this.images.saveProductImages(id, images), true);
        }
        catch (RuntimeException ex) {
            this.products.delete(id);
            throw ex;
        }
    }

    /**
     * Creates a product with uploaded images (already in the blob store): the product
     * document first, then one PostgreSQL transaction for the images; if that fails, the
     * product is removed again. Under an {@code Idempotency-Key} a retry finds the
     * product of a crashed first attempt and finishes it.
     * @param product the product to create
     * @param files the uploaded images, already checked and stored
     * @return the created product with its images
     */
    public ProductWithImages createWithUploads(NewProduct product, List<UploadedFile> files) {
        ObjectId id = IdempotentRequest.reservedId().orElseGet(ObjectId::new);
        Optional<Product> firstAttempt = this.products.find(id);
        Product created = firstAttempt.orElseGet(() -> insert(id, product));
        try {
            this.steps.reached(Step.PRODUCT_DOCUMENT_WRITTEN);
            if (firstAttempt.isPresent()) {
                List<ProductImage> saved = this.images.getProductImages(id);
                if (!saved.isEmpty()) {
                    return new ProductWithImages(created, saved, true);
                }
            }
            return new ProductWithImages(created, this.images.saveUploadedProductImages(id, files), true);
        }
        catch (RuntimeException ex) {
            this.products.delete(id);
            throw ex;
        }
    }

    /**
     * Records uploaded images (already in the blob store) of an existing product.
     * @param id the product
     * @param files the uploaded images, already checked and stored
     * @return the images recorded
     * @throws ProductNotFound if there is no such product
     */
    public List<ProductImage> addUploadedImages(ObjectId id, List<UploadedFile> files) {
        requireProduct(id);
        return this.images.saveUploadedProductImages(id, files);
    }

    /**
     * Checks that the product exists.
     * @param id the product
     * @throws ProductNotFound if there is no such product (checked before an upload's
     * bytes are read)
     */
    public void requireProduct(ObjectId id) {
        if (!this.products.exists(id)) {
            throw new ProductNotFound(id);
        }
    }

    /**
     * The product and its images, fetched from the two databases in parallel.
     * @param id the product
     * @return the product, with no images and {@code mediaAvailable} false if PostgreSQL
     * could not be asked
     * @throws ProductNotFound if there is no such product
     */
    public ProductWithImages get(ObjectId id) {
        CompletableFuture<List<ProductImage>> images = CompletableFuture
            .supplyAsync(() -> this.images.getProductImages(id), this.executor);
        Product product = this.products.find(id).orElseThrow(() -> new ProductNotFound(id));
        try {
            return new ProductWithImages(product, images.join(), true);
        }
        catch (CompletionException ex) {
            if (ex.getCause() instanceof PostgresUnavailable) {
                return new ProductWithImages(product, List.of(), false);
            }
            throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
        }
    }

    /**
     * One page, newest first; the images of the whole page come from a single PostgreSQL
     * query.
     * @param page the page number, from 0
     * @param size the most products on a page
     * @return the page
     */
    public ProductPage list(int page, int size) {
        List<Product> found = this.products.page(page, size);
        long total = this.products.count();
        Map<String, List<ProductImage>> images;
        boolean mediaAvailable = true;
        try {
            images = this.images.getProductImages(found.stream().map((p) -> new ObjectId(p.id())).toList());
        }
        catch (PostgresUnavailable ex) {
            images = Map.of();
            mediaAvailable = false;
        }
        Map<String, List<ProductImage>> byProduct = images;
        boolean available = mediaAvailable;
        List<ProductWithImages> items = found.stream()
            .map((p) -> new ProductWithImages(p, byProduct.getOrDefault(p.id(), List.of()), available))
            .toList();
        return new ProductPage(items, page, size, total, mediaAvailable);
    }

    public Product update(ObjectId id, ProductChanges changes) {
        try {
            return this.products.update(id, changes).orElseThrow(() -> new ProductNotFound(id));
        }
        catch (DuplicateKeyException ex) {
            throw new DuplicateSku(changes.sku());
        }
    }

    /**
     * Deletes the product, then its media rows. If the second step fails, the rows are
     * orphans of a missing owner: no reader reaches them (reads start from MongoDB) and
     * the reconciler removes them.
     * @param id the product
     * @throws ProductNotFound if there is no such product
     */
    public void delete(ObjectId id) {
        if (!this.products.delete(id)) {
            throw new ProductNotFound(id);
        }
        this.steps.reached(Step.PRODUCT_DOCUMENT_DELETED);
        try {
            this.media.deleteProductMedia(id);
        }
        catch (PostgresUnavailable ex) {
            log.warn("Product {} deleted; its media rows are left for the reconciler: {}", id, ex.getMessage());
        }
    }

    /**
     * Records more images for an existing product.
     * @param id the product
     * @param images the images to record, given by URL
     * @return the images recorded
     * @throws ProductNotFound if there is no such product
     */
    public List<ProductImage> addImages(ObjectId id, List<NewProductImage> images) {
        requireProduct(id);
        return this.images.saveProductImages(id, images);
    }

    public ProductImage updateImage(ObjectId id, UUID imageId, ProductImageChanges changes) {
        requireProduct(id);
        return this.images.updateProductImage(id, imageId, changes);
    }

    public void deleteImage(ObjectId id, UUID imageId) {
        requireProduct(id);
        this.media.deleteMedia(MediaKind.PRODUCT_IMAGE, id, imageId);
    }

    private Product insert(ObjectId id, NewProduct product) {
        try {
            return this.products.insert(id, product);
        }
        catch (DuplicateKeyException ex) {
            throw new DuplicateSku(product.sku());
        }
    }

}
