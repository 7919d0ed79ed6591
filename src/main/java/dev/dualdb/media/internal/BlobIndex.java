package dev.dualdb.media.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.dualdb.blob.BlobStore;
import dev.dualdb.media.UploadedFile;
import dev.dualdb.postgres.AdvisoryLocks;

/**
 * Writes the blob-index rows of uploaded files inside the caller's transaction. Each hash
 * is locked first (a transaction-scoped advisory lock, the same one the collector takes
 * before it deletes bytes), then the bytes are checked to be still there: so a row is
 * never written for bytes the collector has just removed, and the collector never removes
 * bytes that a row is about to refer to.
 */
@Component
public class BlobIndex {

    private final BlobStore store;

    BlobIndex(BlobStore store) {
        this.store = store;
    }

    public void index(JdbcClient jdbc, List<UploadedFile> files) {
        List<String> hashes = new ArrayList<>();
        files.forEach((file) -> {
            hashes.add(file.sha256());
            file.thumbnails().forEach((thumbnail) -> hashes.add(thumbnail.sha256()));
        });
        // Always lock in hash order, so two uploads sharing bytes cannot deadlock.
        hashes.stream().distinct().sorted(Comparator.naturalOrder()).forEach((hash) -> lock(jdbc, hash));
        for (UploadedFile file : files) {
            requirePresent(file.sha256());
            insertBlob(jdbc, file.sha256(), file.size(), file.contentType(), file.storageType(), file.storageKey());
            for (UploadedFile.Thumbnail thumbnail : file.thumbnails()) {
                requirePresent(thumbnail.sha256());
                insertBlob(jdbc, thumbnail.sha256(), thumbnail.size(), thumbnail.contentType(), thumbnail.storageType(),
                        thumbnail.storageKey());
                jdbc.sql("""
                        INSERT INTO renditions (source_sha256, width, height, blob_sha256)
                        VALUES (:source, :width, :height, :blob)
                        ON CONFLICT (source_sha256, width) DO NOTHING""")
                    .param("source", file.sha256())
                    .param("width", thumbnail.width())
                    .param("height", thumbnail.height())
                    .param("blob", thumbnail.sha256())
                    .update();
            }
        }
    }

    /**
     * The lock the collector also takes before deciding on a hash.
     * @param jdbc the client of the caller's transaction, which holds the lock until it
     * ends
     * @param sha256 the hash of the bytes
     */
    public static void lock(JdbcClient jdbc, String sha256) {
        AdvisoryLocks.lockForTransaction(jdbc, "blob:" + sha256);
    }

    private void requirePresent(String sha256) {
        if (!this.store.exists(sha256)) {
            throw new BlobVanished(sha256);
        }
    }

    private static void insertBlob(JdbcClient jdbc, String sha256, long size, String contentType, String storageType,
            String storageKey) {
        jdbc.sql("""
                INSERT INTO blobs (sha256, size_bytes, content_type, storage_type, storage_key)
                VALUES (:sha256, :size, :contentType, :storageType, :storageKey)
                ON CONFLICT (sha256) DO NOTHING""")
            .param("sha256", sha256)
            .param("size", size)
            .param("contentType", contentType)
            .param("storageType", storageType)
            .param("storageKey", storageKey)
            .update();
    }

}
