package dev.dualdb.media.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.dualdb.media.OwnerKind;
import dev.dualdb.media.RenditionLink;

/**
 * Finds the stored bytes behind a media id, whichever of the four tables it is in, with
 * its thumbnails.
 */
@Repository
public class StoredMediaRepository {

    private static final String ROWS = Arrays.stream(MediaTable.values())
        .map((table) -> """
                SELECT id, blob_sha256, file_name, created_at, %s AS owner_type, %s AS owner_id, %s AS lesson_id,
                       %s AS is_public, %s AS width
                FROM %s WHERE id = :id""".formatted(table.ownerKindExpression(), table.ownerColumn(),
                table.lessonExpression(), table.publicExpression(), widthExpression(table), table.table()))
        .collect(Collectors.joining(" UNION ALL "));

    // Product images and other media record the dimensions of images.
    private static String widthExpression(MediaTable table) {
        return (table == MediaTable.PRODUCT_IMAGES || table == MediaTable.MEDIA_STORAGE) ? "width" : "NULL::integer";
    }

    /**
     * Finds a media id in any of the four tables.
     * @param jdbc the client of the caller's transaction or connection
     * @param id the media row's id
     * @return the stored bytes and their owner, or empty if no table has the id or it has
     * no stored bytes
     */
    public Optional<Found> find(JdbcClient jdbc, UUID id) {
        Optional<Found> found = jdbc.sql("""
                SELECT m.id, b.sha256, b.size_bytes, b.content_type, m.file_name, m.created_at,
                       b.quarantined_at IS NOT NULL AS quarantined, m.owner_type, m.owner_id, m.lesson_id, m.is_public,
                       m.width
                FROM (%s) m JOIN blobs b ON b.sha256 = m.blob_sha256""".formatted(ROWS))
            .param("id", id)
            .query((rs, row) -> new Found(
                    new StoredMedia(rs.getObject("id", UUID.class), rs.getString("sha256"), rs.getLong("size_bytes"),
                            rs.getString("content_type"), rs.getString("file_name"),
                            rs.getTimestamp("created_at").toInstant(), List.of(), rs.getBoolean("quarantined"),
                            rs.getObject("width", Integer.class)),
                    OwnerKind.valueOf(rs.getString("owner_type")), Rows.trimmed(rs, "owner_id"),
                    Rows.trimmed(rs, "lesson_id"), rs.getBoolean("is_public")))
            .optional();
        return found.map((f) -> new Found(
                new StoredMedia(f.media().id(), f.media().sha256(), f.media().size(), f.media().contentType(),
                        f.media().displayName(), f.media().createdAt(), thumbnails(jdbc, f.media().sha256()),
                        f.media().quarantined(), f.media().width()),
                f.ownerType(), f.ownerId(), f.lessonId(), f.isPublic()));
    }

    /**
     * The stored thumbnails of several images with one query (uses the renditions primary
     * key), and whether an image's thumbnail job has failed for good.
     * @param jdbc the client of the caller's transaction or connection
     * @param imageIds ids of product images
     * @return per image id found: its stored thumbnails, smallest first
     */
    public Map<UUID, ImageRenditions> renditionsOf(JdbcClient jdbc, Collection<UUID> imageIds) {
        Map<UUID, ImageRenditions> found = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT i.id, r.width, r.height, j.source_sha256 IS NOT NULL AS failed FROM product_images i
                LEFT JOIN renditions r ON r.source_sha256 = i.blob_sha256
                LEFT JOIN rendition_jobs j ON j.source_sha256 = i.blob_sha256 AND j.failed_at IS NOT NULL
                WHERE i.id = ANY(:ids) ORDER BY i.id, r.width""")
            .param("ids", imageIds.toArray(UUID[]::new))
            .query((rs, row) -> {
                UUID id = rs.getObject("id", UUID.class);
                boolean failed = rs.getBoolean("failed");
                ImageRenditions image = found.computeIfAbsent(id,
                        (key) -> new ImageRenditions(new ArrayList<>(), failed));
                Integer width = rs.getObject("width", Integer.class);
                if (width != null) {
                    image.stored()
                        .add(new RenditionLink(width, rs.getInt("height"), MediaUrls.rendition(id, width), true));
                }
                return id;
            })
            .list();
        return found;
    }

    private static List<StoredMedia.Thumbnail> thumbnails(JdbcClient jdbc, String sourceSha256) {
        return jdbc.sql("""
                SELECT r.width, r.height, b.sha256, b.size_bytes, b.content_type,
                       b.quarantined_at IS NOT NULL AS quarantined
                FROM renditions r JOIN blobs b ON b.sha256 = r.blob_sha256
                WHERE r.source_sha256 = :source ORDER BY r.width""")
            .param("source", sourceSha256)
            .query((rs, row) -> new StoredMedia.Thumbnail(rs.getInt("width"), rs.getInt("height"),
                    rs.getString("sha256"), rs.getLong("size_bytes"), rs.getString("content_type"),
                    rs.getBoolean("quarantined")))
            .list();
    }

    /**
     * Stored media and the owner its row points at (checked by the caller: an orphan row
     * is never served).
     *
     * @param media the stored bytes and their thumbnails
     * @param ownerType the kind of owner the row points at
     * @param ownerId the owner's id
     * @param lessonId the lesson the row names, or {@code null}
     * @param isPublic whether anyone may fetch the bytes (product media, preview videos)
     */
    public record Found(StoredMedia media, OwnerKind ownerType, String ownerId, String lessonId, boolean isPublic) {
    }

    /**
     * The thumbnails stored of one image.
     *
     * @param stored the stored thumbnails, smallest first
     * @param jobFailed whether making the others has failed for good
     */
    public record ImageRenditions(List<RenditionLink> stored, boolean jobFailed) {
    }

}
