package dev.dualdb.media.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.dualdb.media.MediaStorage;
import dev.dualdb.media.MediaType;
import dev.dualdb.media.OwnerKind;
import dev.dualdb.media.StorageType;

/** SQL for {@code media_storage}. */
@Repository
public class MediaStorageRepository {

    private static final String COLUMNS = """
            id, reference_type, reference_id, media_type, media_url, file_name, file_size, mime_type, width, height,
            duration, page_count, storage_type,
            access_count, last_accessed_at, created_at, updated_at""";

    public MediaStorage insert(JdbcClient jdbc, MediaStorage media, String blobSha256) {
        return jdbc.sql("""
                INSERT INTO media_storage (id, reference_type, reference_id, media_type, media_url,
                    blob_sha256, file_name, file_size, mime_type, width, height, duration, page_count, storage_type)
                VALUES (:id, :referenceType, :referenceId, :mediaType, :url, :blob, :fileName, :fileSize,
                    :mimeType, :width, :height, :duration, :pageCount, :storageType)
                RETURNING %s""".formatted(COLUMNS))
            .param("id", media.id())
            .param("referenceType", media.referenceType().name())
            .param("referenceId", media.referenceId())
            .param("mediaType", media.mediaType().name())
            .param("url", media.mediaUrl())
            .param("blob", blobSha256, Types.CHAR)
            .param("fileName", media.fileName(), Types.VARCHAR)
            .param("fileSize", media.fileSize(), Types.BIGINT)
            .param("mimeType", media.mimeType(), Types.VARCHAR)
            .param("width", media.width(), Types.INTEGER)
            .param("height", media.height(), Types.INTEGER)
            .param("duration", media.duration(), Types.NUMERIC)
            .param("pageCount", media.pageCount(), Types.INTEGER)
            .param("storageType", media.storageType().name())
            .query(MediaStorageRepository::map)
            .single();
    }

    /**
     * Uses {@code idx_media_storage_reference}.
     * @param jdbc the client of the caller's transaction or connection
     * @param type the kind of owner
     * @param referenceId the owner's id (24 hex characters)
     * @return its media, oldest first
     */
    public List<MediaStorage> findByReference(JdbcClient jdbc, OwnerKind type, String referenceId) {
        return jdbc
            .sql("SELECT " + COLUMNS + " FROM media_storage"
                    + " WHERE reference_type = :type AND reference_id = :referenceId ORDER BY created_at, id")
            .param("type", type.name())
            .param("referenceId", referenceId)
            .query(MediaStorageRepository::map)
            .list();
    }

    public Optional<MediaStorage> find(JdbcClient jdbc, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM media_storage WHERE id = :id")
            .param("id", id)
            .query(MediaStorageRepository::map)
            .optional();
    }

    static MediaStorage map(ResultSet rs, int row) throws SQLException {
        return new MediaStorage(rs.getObject("id", UUID.class), OwnerKind.valueOf(rs.getString("reference_type")),
                rs.getString("reference_id"), MediaType.valueOf(rs.getString("media_type")), rs.getString("media_url"),
                rs.getString("file_name"), Rows.nullableLong(rs, "file_size"), rs.getString("mime_type"),
                Rows.nullableInt(rs, "width"), Rows.nullableInt(rs, "height"), rs.getBigDecimal("duration"),
                Rows.nullableInt(rs, "page_count"), StorageType.valueOf(rs.getString("storage_type")),
                rs.getLong("access_count"), Rows.instant(rs, "last_accessed_at"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }

}
