package dev.dualdb.media.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.dualdb.media.RenditionLink;
import dev.dualdb.media.StoredMedia;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finds the stored bytes behind a media id, whichever of the four tables it is in, with its thumbnails. */
@Repository
public class StoredMediaRepository {

    private static final String ROWS = """
            SELECT id, blob_sha256, file_name, created_at FROM product_images WHERE id = :id
            UNION ALL SELECT id, blob_sha256, file_name, created_at FROM course_videos WHERE id = :id
            UNION ALL SELECT id, blob_sha256, file_name, created_at FROM course_resources WHERE id = :id
            UNION ALL SELECT id, blob_sha256, file_name, created_at FROM media_storage WHERE id = :id""";

    public Optional<StoredMedia> find(JdbcClient jdbc, UUID id) {
        Optional<StoredMedia> found = jdbc.sql("""
                        SELECT m.id, b.sha256, b.size_bytes, b.content_type, m.file_name, m.created_at
                        FROM (%s) m JOIN blobs b ON b.sha256 = m.blob_sha256""".formatted(ROWS))
                .param("id", id)
                .query((rs, row) -> new StoredMedia(rs.getObject("id", UUID.class), rs.getString("sha256"),
                        rs.getLong("size_bytes"), rs.getString("content_type"), rs.getString("file_name"),
                        rs.getTimestamp("created_at").toInstant(), List.of()))
                .optional();
        return found.map(media -> new StoredMedia(media.id(), media.sha256(), media.size(), media.contentType(),
                media.displayName(), media.createdAt(), thumbnails(jdbc, media.sha256())));
    }

    /** The thumbnails of several images with one query (uses the renditions primary key). */
    public Map<UUID, List<RenditionLink>> renditionsOf(JdbcClient jdbc, Collection<UUID> imageIds) {
        Map<UUID, List<RenditionLink>> links = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT i.id, r.width, r.height FROM product_images i
                        JOIN renditions r ON r.source_sha256 = i.blob_sha256
                        WHERE i.id = ANY(:ids) ORDER BY i.id, r.width""")
                .param("ids", imageIds.toArray(UUID[]::new))
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    int width = rs.getInt("width");
                    links.computeIfAbsent(id, key -> new java.util.ArrayList<>()).add(new RenditionLink(width,
                            rs.getInt("height"), "/media/" + id + "/renditions/" + width));
                    return id;
                })
                .list();
        return links;
    }

    private static List<StoredMedia.Thumbnail> thumbnails(JdbcClient jdbc, String sourceSha256) {
        return jdbc.sql("""
                        SELECT r.width, r.height, b.sha256, b.size_bytes, b.content_type
                        FROM renditions r JOIN blobs b ON b.sha256 = r.blob_sha256
                        WHERE r.source_sha256 = :source ORDER BY r.width""")
                .param("source", sourceSha256)
                .query((rs, row) -> new StoredMedia.Thumbnail(rs.getInt("width"), rs.getInt("height"),
                        rs.getString("sha256"), rs.getLong("size_bytes"), rs.getString("content_type")))
                .list();
    }
}
