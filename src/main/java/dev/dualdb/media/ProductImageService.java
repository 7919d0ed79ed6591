package dev.dualdb.media;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.bson.types.ObjectId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.dualdb.blob.RenditionMaker;
import dev.dualdb.media.internal.ExternalUrl;
import dev.dualdb.media.internal.MediaInput;
import dev.dualdb.media.internal.MediaNotFound;
import dev.dualdb.media.internal.MediaUrls;
import dev.dualdb.media.internal.ProductImageRepository;
import dev.dualdb.media.internal.RowIds;
import dev.dualdb.media.internal.StoredMediaRepository;
import dev.dualdb.media.internal.UploadRecorder;
import dev.dualdb.postgres.AdvisoryLocks;
import dev.dualdb.postgres.PostgresDatabase;
import dev.dualdb.postgres.PostgresUnavailable;
import dev.dualdb.system.InvalidInput;

/**
 * The original design's product-image operations ({@code saveProductImage},
 * {@code getProductImages}) over {@code product_images}, with the batch variants the
 * product routes need. The caller has checked that the product exists. Every method
 * throws {@link PostgresUnavailable} when PostgreSQL is disabled or unreachable.
 */
@Service
public class ProductImageService {

    private static final String TABLE = "product_images";

    private final PostgresDatabase database;

    private final ProductImageRepository productImages;

    private final StoredMediaRepository storedMedia;

    private final UploadRecorder uploads;

    private final RenditionMaker maker;

    ProductImageService(PostgresDatabase database, ProductImageRepository productImages,
            StoredMediaRepository storedMedia, UploadRecorder uploads, RenditionMaker maker) {
        this.maker = maker;
        this.database = database;
        this.productImages = productImages;
        this.storedMedia = storedMedia;
        this.uploads = uploads;
    }

    /**
     * Records one image of a product given by URL.
     * @param productId the product
     * @param image the image
     * @return the saved image
     */
    public ProductImage saveProductImage(ObjectId productId, NewProductImage image) {
        return saveProductImages(productId, List.of(image)).get(0);
    }

    /**
     * Records several images of a product in one transaction: all or none.
     * @param productId the product
     * @param images the images, at most one of them primary
     * @return the saved images
     */
    public List<ProductImage> saveProductImages(ObjectId productId, List<NewProductImage> images) {
        List<NewProductImage> checked = images.stream().map(ProductImageService::checked).toList();
        long primaries = checked.stream().filter(NewProductImage::isPrimary).count();
        if (primaries > 1) {
            throw new InvalidInput("several-primary-images", "At most one image can be primary");
        }
        String owner = productId.toHexString();
        return this.database.write((jdbc) -> {
            AdvisoryLocks.lockForTransaction(jdbc, TABLE + ":" + owner);
            int next = this.productImages.nextPosition(jdbc, owner);
            if (primaries == 1) {
                this.productImages.clearPrimary(jdbc, owner);
            }
            List<ProductImage> saved = new ArrayList<>();
            for (int i = 0; i < checked.size(); i++) {
                NewProductImage image = checked.get(i);
                UUID id = RowIds.next(i);
                Optional<ProductImage> firstAttempt = this.productImages.find(jdbc, owner, id);
                if (firstAttempt.isPresent()) {
                    saved.add(firstAttempt.get());
                    continue;
                }
                int position = (image.position() != null) ? image.position() : next++;
                saved.add(this.productImages.insert(jdbc,
                        new ProductImage(id, owner, image.imageUrl(), image.fileName(), image.fileSize(),
                                image.mimeType(), StorageType.EXTERNAL, position, image.isPrimary(), image.altText(),
                                image.width(), image.height(), null, null, List.of()),
                        null));
            }
            return saved;
        });
    }

    /**
     * Records uploaded images of a product in one transaction: the blob-index rows, their
     * thumbnails, and one image row each, appended after the product's images.
     * @param productId the product
     * @param files the stored files
     * @return the saved images
     */
    public List<ProductImage> saveUploadedProductImages(ObjectId productId, List<UploadedFile> files) {
        String owner = productId.toHexString();
        return this.uploads.record(files, (jdbc) -> {
            AdvisoryLocks.lockForTransaction(jdbc, TABLE + ":" + owner);
            int next = this.productImages.nextPosition(jdbc, owner);
            List<ProductImage> saved = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                UploadedFile file = files.get(i);
                UUID id = RowIds.next(i);
                Optional<ProductImage> firstAttempt = this.productImages.find(jdbc, owner, id);
                if (firstAttempt.isPresent()) {
                    saved.add(firstAttempt.get());
                    continue;
                }
                saved.add(this.productImages.insert(jdbc,
                        new ProductImage(id, owner, MediaUrls.of(id), file.displayName(), file.size(),
                                file.contentType(), StorageType.valueOf(file.storageType()), next++, false, null,
                                file.width(), file.height(), null, null, List.of()),
                        file.sha256()));
            }
            return withRenditions(jdbc, saved);
        });
    }

    /**
     * The images of one product, in display order.
     * @param productId the product
     * @return its images
     */
    public List<ProductImage> getProductImages(ObjectId productId) {
        return this.database
            .read((jdbc) -> withRenditions(jdbc, this.productImages.findByProduct(jdbc, productId.toHexString())));
    }

    /**
     * The images of many products with one query.
     * @param productIds the products
     * @return every id as a key, with an empty list if it has no images
     */
    public Map<String, List<ProductImage>> getProductImages(Collection<ObjectId> productIds) {
        Map<String, List<ProductImage>> byProduct = new LinkedHashMap<>();
        productIds.forEach((id) -> byProduct.put(id.toHexString(), new ArrayList<>()));
        if (productIds.isEmpty()) {
            return byProduct;
        }
        this.database.read((jdbc) -> withRenditions(jdbc, this.productImages.findByProducts(jdbc, byProduct.keySet())))
            .forEach((image) -> byProduct.get(image.mongoProductId()).add(image));
        return byProduct;
    }

    /**
     * Changes position, primary flag or alt text of one image of a product.
     * @param productId the product
     * @param imageId the image
     * @param changes what to change
     * @return the image as it is now
     */
    public ProductImage updateProductImage(ObjectId productId, UUID imageId, ProductImageChanges changes) {
        String owner = productId.toHexString();
        return this.database.write((jdbc) -> {
            AdvisoryLocks.lockForTransaction(jdbc, TABLE + ":" + owner);
            if (Boolean.TRUE.equals(changes.isPrimary())) {
                this.productImages.find(jdbc, owner, imageId)
                    .orElseThrow(() -> new MediaNotFound(MediaKind.PRODUCT_IMAGE, imageId));
                this.productImages.clearPrimary(jdbc, owner);
            }
            return this.productImages
                .update(jdbc, owner, imageId, changes.position(), changes.isPrimary(), changes.altText())
                .orElseThrow(() -> new MediaNotFound(MediaKind.PRODUCT_IMAGE, imageId));
        });
    }

    private List<ProductImage> withRenditions(JdbcClient jdbc, List<ProductImage> images) {
        if (images.stream().noneMatch((image) -> image.storageType() != StorageType.EXTERNAL)) {
            return images;
        }
        Map<UUID, StoredMediaRepository.ImageRenditions> found = this.storedMedia.renditionsOf(jdbc,
                images.stream().map(ProductImage::id).toList());
        return images.stream().map((image) -> image.withRenditions(links(image, found.get(image.id())))).toList();
    }

    // The thumbnails stored of an image, and those it gets that are not made yet
    // (unless making them failed for good).
    private List<RenditionLink> links(ProductImage image, StoredMediaRepository.ImageRenditions found) {
        if (image.storageType() == StorageType.EXTERNAL || found == null) {
            return List.of();
        }
        List<RenditionLink> links = new ArrayList<>(found.stored());
        if (!found.jobFailed() && image.height() != null) {
            Set<Integer> stored = links.stream().map(RenditionLink::width).collect(Collectors.toSet());
            this.maker.plannedWidths(image.mimeType(), image.width())
                .stream()
                .filter((width) -> !stored.contains(width))
                .forEach((width) -> links
                    .add(new RenditionLink(width, RenditionMaker.heightOf(width, image.width(), image.height()),
                            MediaUrls.rendition(image.id(), width), false)));
            links.sort(Comparator.comparingInt(RenditionLink::width));
        }
        return List.copyOf(links);
    }

    private static NewProductImage checked(NewProductImage image) {
        ExternalUrl.check(image.imageUrl());
        MediaInput.optionalText("fileName", image.fileName(), 255);
        MediaInput.optionalText("mimeType", image.mimeType(), 255);
        MediaInput.optionalText("altText", image.altText(), 500);
        MediaInput.size(image.fileSize());
        return image;
    }

}
