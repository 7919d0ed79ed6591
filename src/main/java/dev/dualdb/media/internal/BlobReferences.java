package dev.dualdb.media.internal;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who refers to a blob: the four metadata tables and the renditions made from or stored
 * as it. Deciding that a blob is unreferenced, and queueing it for collection, happen in
 * the transaction of the caller.
 */
public final class BlobReferences {

    /**
     * A SQL condition, with {@code %s} for the hash expression, that holds when nothing
     * refers to the hash.
     */
    public static final String NOT_REFERENCED = """
            NOT EXISTS (SELECT 1 FROM product_images WHERE blob_sha256 = %1$s)
            AND NOT EXISTS (SELECT 1 FROM course_videos WHERE blob_sha256 = %1$s)
            AND NOT EXISTS (SELECT 1 FROM course_resources WHERE blob_sha256 = %1$s)
            AND NOT EXISTS (SELECT 1 FROM media_storage WHERE blob_sha256 = %1$s)
            AND NOT EXISTS (SELECT 1 FROM renditions WHERE blob_sha256 = %1$s)""";

    private BlobReferences() {
    }

    /**
     * Queues the (non-null) hashes for the collector; already queued ones stay as they
     * are.
     */
    public static void queueForCollection(JdbcClient jdbc, Collection<String> hashes) {
        List<String> distinct = hashes.stream().filter(Objects::nonNull).map(String::trim).distinct().toList();
        if (distinct.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO blob_deletions (sha256)
                SELECT unnest(:hashes::text[])
                ON CONFLICT (sha256) DO NOTHING""").param("hashes", distinct.toArray(String[]::new)).update();
    }

    /** How many rows refer to the hash (uses the {@code idx_*_blob} indexes). */
    public static long count(JdbcClient jdbc, String sha256) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM product_images WHERE blob_sha256 = :h)
                     + (SELECT count(*) FROM course_videos WHERE blob_sha256 = :h)
                     + (SELECT count(*) FROM course_resources WHERE blob_sha256 = :h)
                     + (SELECT count(*) FROM media_storage WHERE blob_sha256 = :h)
                     + (SELECT count(*) FROM renditions WHERE blob_sha256 = :h)""")
            .param("h", sha256)
            .query(Long.class)
            .single();
    }

}
