package dev.dualdb.media.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who refers to a blob: the four metadata tables and the renditions made from or stored
 * as it. Deciding that a blob is unreferenced, and queueing it for collection, happen in
 * the transaction of the caller.
 */
public final class BlobReferences {

    /**
     * The tables whose rows refer to bytes: the four media tables and the renditions.
     */
    private static final List<String> REFERRING_TABLES = Stream
        .concat(Arrays.stream(MediaTable.values()).map(MediaTable::table), Stream.of("renditions"))
        .toList();

    /**
     * A SQL condition, with {@code %s} for the hash expression, that holds when nothing
     * refers to the hash (uses the {@code idx_*_blob} indexes).
     */
    public static final String NOT_REFERENCED = REFERRING_TABLES.stream()
        .map((table) -> "NOT EXISTS (SELECT 1 FROM " + table + " WHERE blob_sha256 = %1$s)")
        .collect(Collectors.joining("\n AND "));

    private BlobReferences() {
    }

    /**
     * Queues the (non-null) hashes for the collector; already queued ones stay as they
     * are.
     * @param jdbc the client of the caller's transaction
     * @param hashes the hashes to queue; {@code null}s are skipped
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

    /**
     * Whether a media row (not a thumbnail) refers to the hash: whether an image's
     * thumbnails are still wanted (uses the {@code idx_*_blob} indexes).
     * @param jdbc the client of the caller's transaction or connection
     * @param sha256 the hash of the bytes
     * @return whether one of the four media tables refers to it
     */
    public static boolean referencedByMedia(JdbcClient jdbc, String sha256) {
        String any = Arrays.stream(MediaTable.values())
            .map((table) -> "EXISTS (SELECT 1 FROM " + table.table() + " WHERE blob_sha256 = :h)")
            .collect(Collectors.joining(" OR "));
        return jdbc.sql("SELECT " + any).param("h", sha256).query(Boolean.class).single();
    }

    /**
     * How many rows refer to the hash (uses the {@code idx_*_blob} indexes).
     * @param jdbc the client of the caller's transaction or connection
     * @param sha256 the hash of the bytes
     * @return the number of metadata rows and renditions that refer to it
     */
    public static long count(JdbcClient jdbc, String sha256) {
        String sum = REFERRING_TABLES.stream()
            .map((table) -> "(SELECT count(*) FROM " + table + " WHERE blob_sha256 = :h)")
            .collect(Collectors.joining(" + "));
        return jdbc.sql("SELECT " + sum).param("h", sha256).query(Long.class).single();
    }

}
