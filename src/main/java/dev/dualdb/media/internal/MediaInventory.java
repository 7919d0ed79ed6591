package dev.dualdb.media.internal;

import dev.dualdb.media.OwnerKind;
import dev.dualdb.postgres.PostgresDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * What the reconciler needs to see of the media tables, in batches (keyset pagination, so
 * a million rows are walked in bounded memory): the owners rows point at, the blob index,
 * and which blobs nothing refers to.
 */
@Component
public class MediaInventory {

    private final PostgresDatabase database;

    public MediaInventory(PostgresDatabase database) {
        this.database = database;
    }

    /**
     * Distinct owner ids of one kind after {@code after} (exclusive, "" to start), in id
     * order.
     */
    public List<String> ownersAfter(OwnerKind kind, String after, int limit) {
        String sql = switch (kind) {
            case PRODUCT -> """
                    SELECT id FROM (
                        SELECT mongo_product_id AS id FROM product_images WHERE mongo_product_id > :after
                        UNION SELECT reference_id FROM media_storage WHERE reference_type = 'PRODUCT'
                            AND reference_id > :after) owners
                    ORDER BY id LIMIT :limit""";
            case COURSE -> """
                    SELECT id FROM (
                        SELECT mongo_course_id AS id FROM course_videos WHERE mongo_course_id > :after
                        UNION SELECT mongo_course_id FROM course_resources WHERE mongo_course_id > :after
                        UNION SELECT reference_id FROM media_storage WHERE reference_type = 'COURSE'
                            AND reference_id > :after) owners
                    ORDER BY id LIMIT :limit""";
            case LESSON -> """
                    SELECT id FROM (
                        SELECT lesson_id AS id FROM course_videos WHERE lesson_id > :after
                        UNION SELECT lesson_id FROM course_resources WHERE lesson_id > :after
                        UNION SELECT reference_id FROM media_storage WHERE reference_type = 'LESSON'
                            AND reference_id > :after) owners
                    ORDER BY id LIMIT :limit""";
            case USER -> """
                    SELECT DISTINCT reference_id AS id FROM media_storage
                    WHERE reference_type = 'USER' AND reference_id > :after ORDER BY id LIMIT :limit""";
        };
        return database.read(jdbc -> jdbc.sql(sql)
            .param("after", after)
            .param("limit", limit)
            .query((rs, row) -> rs.getString("id").trim())
            .list());
    }

    /** How many media rows point at these owners (one count per table). */
    public long countRowsOf(OwnerKind kind, Collection<String> ownerIds) {
        if (ownerIds.isEmpty()) {
            return 0;
        }
        List<String> counts = switch (kind) {
            case PRODUCT -> List.of("SELECT count(*) FROM product_images WHERE mongo_product_id = ANY(:ids)",
                    "SELECT count(*) FROM media_storage WHERE reference_type = 'PRODUCT' AND reference_id = ANY(:ids)");
            case COURSE -> List.of("SELECT count(*) FROM course_videos WHERE mongo_course_id = ANY(:ids)",
                    "SELECT count(*) FROM course_resources WHERE mongo_course_id = ANY(:ids)",
                    "SELECT count(*) FROM media_storage WHERE reference_type = 'COURSE' AND reference_id = ANY(:ids)");
            case LESSON -> List.of("SELECT count(*) FROM course_videos WHERE lesson_id = ANY(:ids)",
                    "SELECT count(*) FROM course_resources WHERE lesson_id = ANY(:ids)",
                    "SELECT count(*) FROM media_storage WHERE reference_type = 'LESSON' AND reference_id = ANY(:ids)");
            case USER -> List
                .of("SELECT count(*) FROM media_storage WHERE reference_type = 'USER' AND reference_id = ANY(:ids)");
        };
        String[] ids = ownerIds.toArray(String[]::new);
        return database.read(jdbc -> counts.stream()
            .mapToLong(sql -> jdbc.sql(sql).param("ids", ids).query(Long.class).single())
            .sum());
    }

    /**
     * Deletes the media rows of owners that no longer exist, queueing their blobs;
     * returns the rows deleted. Only rows created before {@code checkedAt} go: an owner
     * re-created since it was found missing (a retried create reuses its id) keeps its
     * new rows.
     */
    public int deleteRowsOf(OwnerKind kind, Collection<String> ownerIds, java.time.Instant checkedAt) {
        if (ownerIds.isEmpty()) {
            return 0;
        }
        String[] ids = ownerIds.toArray(String[]::new);
        List<String> statements = switch (kind) {
            case PRODUCT -> List.of(
                    "DELETE FROM product_images WHERE mongo_product_id = ANY(:ids) AND created_at < :checkedAt RETURNING blob_sha256",
                    "DELETE FROM media_storage WHERE reference_type = 'PRODUCT' AND reference_id = ANY(:ids)"
                            + " AND created_at < :checkedAt RETURNING blob_sha256");
            case COURSE -> List.of(
                    "DELETE FROM course_videos WHERE mongo_course_id = ANY(:ids) AND created_at < :checkedAt RETURNING blob_sha256",
                    "DELETE FROM course_resources WHERE mongo_course_id = ANY(:ids) AND created_at < :checkedAt RETURNING blob_sha256",
                    "DELETE FROM media_storage WHERE reference_type = 'COURSE' AND reference_id = ANY(:ids)"
                            + " AND created_at < :checkedAt RETURNING blob_sha256");
            case LESSON -> List.of(
                    "DELETE FROM course_videos WHERE lesson_id = ANY(:ids) AND created_at < :checkedAt RETURNING blob_sha256",
                    "DELETE FROM course_resources WHERE lesson_id = ANY(:ids) AND created_at < :checkedAt RETURNING blob_sha256",
                    "DELETE FROM media_storage WHERE reference_type = 'LESSON' AND reference_id = ANY(:ids)"
                            + " AND created_at < :checkedAt RETURNING blob_sha256");
            case USER -> List.of("DELETE FROM media_storage WHERE reference_type = 'USER' AND reference_id = ANY(:ids)"
                    + " AND created_at < :checkedAt RETURNING blob_sha256");
        };
        return database.write(jdbc -> {
            int deleted = 0;
            for (String statement : statements) {
                List<String> hashes = jdbc.sql(statement)
                    .param("ids", ids)
                    .param("checkedAt", java.sql.Timestamp.from(checkedAt))
                    .query((rs, row) -> rs.getString(1))
                    .list();
                deleted += hashes.size();
                BlobReferences.queueForCollection(jdbc, hashes);
            }
            return deleted;
        });
    }

    /**
     * Rows of the blob index after {@code after} (exclusive, "" to start), in hash order.
     */
    public List<BlobRecord> blobsAfter(String after, int limit) {
        return database.read(jdbc -> jdbc.sql("""
                SELECT sha256, size_bytes, content_type, storage_type, storage_key, created_at
                FROM blobs WHERE sha256 > :after ORDER BY sha256 LIMIT :limit""")
            .param("after", after)
            .param("limit", limit)
            .query(MediaInventory::blob)
            .list());
    }

    /**
     * A random sample of the blob index, for the scheduled spot check of sizes and
     * hashes.
     */
    public List<BlobRecord> sampleBlobs(int limit) {
        return database.read(jdbc -> jdbc.sql("""
                SELECT sha256, size_bytes, content_type, storage_type, storage_key, created_at
                FROM blobs ORDER BY random() LIMIT :limit""").param("limit", limit).query(MediaInventory::blob).list());
    }

    /** Those of {@code hashes} that have no row in the blob index (one query). */
    public List<String> notIndexed(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        return database.read(jdbc -> jdbc.sql("""
                SELECT h FROM unnest(:hashes::text[]) AS h
                WHERE NOT EXISTS (SELECT 1 FROM blobs WHERE sha256 = h)""")
            .param("hashes", hashes.toArray(String[]::new))
            .query(String.class)
            .list());
    }

    /**
     * Queues hashes for the collector, which deletes the bytes only if nothing refers to
     * them by then.
     */
    public void queueForCollection(Collection<String> hashes) {
        database.write(jdbc -> {
            BlobReferences.queueForCollection(jdbc, hashes);
            return null;
        });
    }

    /** Whether the index has a row for these bytes. */
    public boolean isIndexed(String sha256) {
        return database.read(jdbc -> jdbc.sql("SELECT count(*) FROM blobs WHERE sha256 = :sha256")
            .param("sha256", sha256)
            .query(Long.class)
            .single()) > 0;
    }

    /** How many metadata rows (and renditions) refer to these bytes. */
    public long references(String sha256) {
        return database.read(jdbc -> BlobReferences.count(jdbc, sha256));
    }

    /**
     * Queues for collection the indexed blobs that nothing refers to and that are older
     * than {@code olderThan} (younger ones may belong to an upload still on its way), and
     * are not queued yet; returns their hashes.
     */
    public List<String> queueUnreferencedBlobs(Instant olderThan, int limit, boolean dryRun) {
        String select = """
                SELECT b.sha256 FROM blobs b
                WHERE b.created_at < :olderThan
                  AND NOT EXISTS (SELECT 1 FROM blob_deletions d WHERE d.sha256 = b.sha256)
                  AND %s
                ORDER BY b.sha256 LIMIT :limit""".formatted(BlobReferences.NOT_REFERENCED.formatted("b.sha256"));
        return database.write(jdbc -> {
            List<String> hashes = jdbc.sql(select)
                .param("olderThan", java.sql.Timestamp.from(olderThan))
                .param("limit", limit)
                .query((rs, row) -> rs.getString(1))
                .list();
            if (!dryRun) {
                BlobReferences.queueForCollection(jdbc, hashes);
            }
            return hashes;
        });
    }

    private static BlobRecord blob(ResultSet rs, int row) throws SQLException {
        return new BlobRecord(rs.getString("sha256"), rs.getLong("size_bytes"), rs.getString("content_type"),
                rs.getString("storage_type"), rs.getString("storage_key"), rs.getTimestamp("created_at").toInstant());
    }

}
