package dev.dualdb.media.internal;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.dualdb.blob.BlobStore;
import dev.dualdb.blob.RenditionMaker;
import dev.dualdb.blob.StoredBlob;
import dev.dualdb.blob.StoredRendition;
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

    private final RenditionMaker maker;

    BlobIndex(BlobStore store, RenditionMaker maker) {
        this.store = store;
        this.maker = maker;
    }

    /**
     * Indexes uploaded files and queues the thumbnails of images (one job per hash).
     * @param jdbc the client of the caller's transaction
     * @param files the stored files
     * @throws BlobVanished when the bytes of a file are gone from the store
     */
    public void index(JdbcClient jdbc, List<UploadedFile> files) {
        // Always lock in hash order, so two uploads sharing bytes cannot deadlock.
        files.stream().map(UploadedFile::sha256).distinct().sorted().forEach((hash) -> lock(jdbc, hash));
        for (UploadedFile file : files) {
            requirePresent(file.sha256());
            insertBlob(jdbc, file.sha256(), file.size(), file.contentType(), file.storageType(), file.storageKey());
            int planned = this.maker.plannedWidths(file.contentType(), file.width()).size();
            if (planned > 0) {
                RenditionJobs.enqueue(jdbc, file.sha256(), planned);
            }
        }
    }

    /**
     * Records thumbnails made of an image, under the locks of every hash involved, if a
     * media row still wants them; otherwise they are handed to the collector (which
     * deletes those nothing else refers to) and nothing is recorded, so thumbnails never
     * bring back an image that was deleted.
     * @param jdbc the client of the caller's transaction
     * @param source the image's hash
     * @param made the thumbnails stored
     * @return whether they were recorded
     */
    public boolean indexRenditions(JdbcClient jdbc, String source, List<StoredRendition> made) {
        Stream.concat(Stream.of(source), made.stream().map((r) -> r.blob().sha256()))
            .distinct()
            .sorted()
            .forEach((hash) -> lock(jdbc, hash));
        if (!BlobReferences.referencedByMedia(jdbc, source)) {
            BlobReferences.queueForCollection(jdbc,
                    made.stream().filter((r) -> !r.blob().alreadyStored()).map((r) -> r.blob().sha256()).toList());
            return false;
        }
        for (StoredRendition thumbnail : made) {
            StoredBlob blob = thumbnail.blob();
            requirePresent(blob.sha256());
            insertBlob(jdbc, blob.sha256(), blob.size(), thumbnail.contentType(), blob.storageType(),
                    blob.storageKey());
            jdbc.sql("""
                    INSERT INTO renditions (source_sha256, width, height, blob_sha256)
                    VALUES (:source, :width, :height, :blob)
                    ON CONFLICT (source_sha256, width) DO NOTHING""")
                .param("source", source)
                .param("width", thumbnail.width())
                .param("height", thumbnail.height())
                .param("blob", blob.sha256())
                .update();
        }
        return true;
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
