package dev.dualdb.media.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.dualdb.media.ProductImage;
import dev.dualdb.media.StorageType;

/** SQL for {@code product_images}. */
@Repository
public class ProductImageRepository {

    private static final String COLUMNS = """
            id, mongo_product_id, image_url, file_name, file_size, mime_type, storage_type, position, is_primary,
            alt_text, width, height, created_at, updated_at""";

    public ProductImage insert(JdbcClient jdbc, ProductImage image, String blobSha256) {
        return jdbc.sql("""
                INSERT INTO product_images (id, mongo_product_id, image_url, blob_sha256, file_name, file_size,
                    mime_type, storage_type, position, is_primary, alt_text, width, height)
                VALUES (:id, :productId, :url, :blob, :fileName, :fileSize, :mimeType, :storageType,
                    :position, :primary, :altText, :width, :height)
                RETURNING %s""".formatted(COLUMNS))
            .param("id", image.id())
            .param("productId", image.mongoProductId())
            .param("url", image.imageUrl())
            .param("blob", blobSha256, Types.CHAR)
            .param("fileName", image.fileName(), Types.VARCHAR)
            .param("fileSize", image.fileSize(), Types.BIGINT)
            .param("mimeType", image.mimeType(), Types.VARCHAR)
            .param("storageType", image.storageType().name())
            .param("position", image.position())
            .param("primary", image.isPrimary())
            .param("altText", image.altText(), Types.VARCHAR)
            .param("width", image.width(), Types.INTEGER)
            .param("height", image.height(), Types.INTEGER)
            .query(ProductImageRepository::map)
            .single();
    }

    /**
     * Inserts many images with one statement (the import of an existing catalog).
     * @param jdbc the client of the caller's transaction
     * @param images the images
     * @param blobSha256s the hash of each image's stored bytes, or {@code null} for an
     * external image
     */
    public void insertAll(JdbcClient jdbc, List<ProductImage> images, List<String> blobSha256s) {
        if (images.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO product_images (id, mongo_product_id, image_url, blob_sha256, file_name, file_size,
                    mime_type, storage_type, position, is_primary, alt_text, width, height)
                SELECT id::uuid, product, url, blob, file_name, file_size::bigint, mime_type, storage_type,
                    position::integer, is_primary::boolean, alt_text, width::integer, height::integer
                FROM unnest(:ids::text[], :products::text[], :urls::text[], :blobs::text[], :fileNames::text[],
                    :fileSizes::text[], :mimeTypes::text[], :storageTypes::text[], :positions::text[],
                    :primaries::text[], :altTexts::text[], :widths::text[], :heights::text[])
                    AS t(id, product, url, blob, file_name, file_size, mime_type, storage_type, position,
                         is_primary, alt_text, width, height)""")
            .param("ids", TextArrays.of(images, ProductImage::id))
            .param("products", TextArrays.of(images, ProductImage::mongoProductId))
            .param("urls", TextArrays.of(images, ProductImage::imageUrl))
            .param("blobs", blobSha256s.toArray(String[]::new))
            .param("fileNames", TextArrays.of(images, ProductImage::fileName))
            .param("fileSizes", TextArrays.of(images, ProductImage::fileSize))
            .param("mimeTypes", TextArrays.of(images, ProductImage::mimeType))
            .param("storageTypes", TextArrays.of(images, ProductImage::storageType))
            .param("positions", TextArrays.of(images, ProductImage::position))
            .param("primaries", TextArrays.of(images, ProductImage::isPrimary))
            .param("altTexts", TextArrays.of(images, ProductImage::altText))
            .param("widths", TextArrays.of(images, ProductImage::width))
            .param("heights", TextArrays.of(images, ProductImage::height))
            .update();
    }

    /**
     * Uses {@code idx_product_images_product}.
     * @param jdbc the client of the caller's transaction or connection
     * @param productId the product (24 hex characters)
     * @return its images in display order
     */
    public List<ProductImage> findByProduct(JdbcClient jdbc, String productId) {
        return jdbc
            .sql("SELECT " + COLUMNS + " FROM product_images WHERE mongo_product_id = :productId"
                    + " ORDER BY position, created_at, id")
            .param("productId", productId)
            .query(ProductImageRepository::map)
            .list();
    }

    /**
     * The images of a whole page of products in one query
     * ({@code idx_product_images_product}).
     * @param jdbc the client of the caller's transaction or connection
     * @param productIds the products (24 hex characters each)
     * @return their images, by product and then in display order
     */
    public List<ProductImage> findByProducts(JdbcClient jdbc, Collection<String> productIds) {
        return jdbc
            .sql("SELECT " + COLUMNS + " FROM product_images WHERE mongo_product_id = ANY(:productIds)"
                    + " ORDER BY mongo_product_id, position, created_at, id")
            .param("productIds", productIds.toArray(String[]::new))
            .query(ProductImageRepository::map)
            .list();
    }

    public Optional<ProductImage> find(JdbcClient jdbc, String productId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM product_images WHERE id = :id AND mongo_product_id = :productId")
            .param("id", id)
            .param("productId", productId)
            .query(ProductImageRepository::map)
            .optional();
    }

    /**
     * The position after the product's last image; call it under the owner's advisory
     * lock.
     * @param jdbc the client of the caller's transaction or connection
     * @param productId the product (24 hex characters)
     * @return the position for a new image, 0 for the first
     */
    public int nextPosition(JdbcClient jdbc, String productId) {
        return jdbc.sql("SELECT coalesce(max(position) + 1, 0) FROM product_images WHERE mongo_product_id = :productId")
            .param("productId", productId)
            .query(Integer.class)
            .single();
    }

    /**
     * Which of the products have a primary image ({@code uq_product_images_primary}).
     * @param jdbc the client of the caller's transaction or connection
     * @param productIds the products (24 hex characters each)
     * @return those of them that have one
     */
    public Set<String> withPrimary(JdbcClient jdbc, Collection<String> productIds) {
        return new HashSet<>(jdbc
            .sql("SELECT mongo_product_id FROM product_images WHERE is_primary AND mongo_product_id = ANY(:productIds)")
            .param("productIds", productIds.toArray(String[]::new))
            .query((rs, row) -> rs.getString(1))
            .list());
    }

    public void clearPrimary(JdbcClient jdbc, String productId) {
        jdbc.sql("UPDATE product_images SET is_primary = FALSE, updated_at = now()"
                + " WHERE mongo_product_id = :productId AND is_primary")
            .param("productId", productId)
            .update();
    }

    public Optional<ProductImage> update(JdbcClient jdbc, String productId, UUID id, Integer position, Boolean primary,
            String altText) {
        return jdbc.sql("""
                UPDATE product_images SET
                    position = coalesce(:position, position),
                    is_primary = coalesce(:primary, is_primary),
                    alt_text = coalesce(:altText, alt_text),
                    updated_at = now()
                WHERE id = :id AND mongo_product_id = :productId
                RETURNING %s""".formatted(COLUMNS))
            .param("position", position, Types.INTEGER)
            .param("primary", primary, Types.BOOLEAN)
            .param("altText", altText, Types.VARCHAR)
            .param("id", id)
            .param("productId", productId)
            .query(ProductImageRepository::map)
            .optional();
    }

    static ProductImage map(ResultSet rs, int row) throws SQLException {
        return new ProductImage(rs.getObject("id", UUID.class), rs.getString("mongo_product_id"),
                rs.getString("image_url"), rs.getString("file_name"), Rows.nullableLong(rs, "file_size"),
                rs.getString("mime_type"), StorageType.valueOf(rs.getString("storage_type")), rs.getInt("position"),
                rs.getBoolean("is_primary"), rs.getString("alt_text"), Rows.nullableInt(rs, "width"),
                Rows.nullableInt(rs, "height"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"),
                List.of());
    }

}
