package dev.dualdb.media.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.dualdb.media.OwnerKind;
import dev.dualdb.postgres.PostgresDatabase;

/**
 * What the reconciler needs to see of the media tables, in batches (keyset pagination, so
 * a million rows are walked in bounded memory): the owners rows point at, the blob index,
 * and which blobs nothing refers to.
 */
@Component
public class MediaInventory {

    private final PostgresDatabase database;

    private final MediaChanges changes;

    public MediaInventory(PostgresDatabase database, MediaChanges changes) {
        this.database = database;
        this.changes = changes;
    }

    /**
     * Distinct owner ids of one kind after {@code after} (exclusive, "" to start), in id
     * order.
     * @param kind the kind of owner
     * @param after the last owner id of the previous batch, or {@code ""} for the first
     * @param limit the most ids to return
     * @return the next owner ids
     */
    public List<String> ownersAfter(OwnerKind kind, String after, int limit) {
        return this.database.read((jdbc) -> MediaRows.ownersAfter(jdbc, kind, after, limit));
    }

    /**
     * How many media rows point at these owners.
     * @param kind the kind of owner
     * @param ownerIds the owners
     * @return the number of rows across the media tables
     */
    public long countRowsOf(OwnerKind kind, Collection<String> ownerIds) {
        return this.database.read((jdbc) -> MediaRows.countOwnedBy(jdbc, kind, ownerIds));
    }

    /**
     * Deletes the media rows of owners that no longer exist, queueing their blobs. Only
     * rows created before {@code checkedAt} go: an owner re-created since it was found
     * missing (a retried create reuses its id) keeps its new rows.
     * @param kind the kind of owner
     * @param ownerIds the owners found missing
     * @param checkedAt when they were found missing
     * @return the number of rows deleted
     */
    public int deleteRowsOf(OwnerKind kind, Collection<String> ownerIds, Instant checkedAt) {
        if (ownerIds.isEmpty()) {
            return 0;
        }
        return this.database.write((jdbc) -> {
            this.changes.ownersDeleted(jdbc, kind, ownerIds);
            return MediaRows.deleteOwnedBy(jdbc, kind, ownerIds, checkedAt);
        });
    }

    /**
     * Rows of the blob index after {@code after} (exclusive, "" to start), in hash order.
     * @param after the last hash of the previous batch, or {@code ""} for the first
     * @param limit the most rows to return
     * @return the next rows
     */
    public List<BlobRecord> blobsAfter(String after, int limit) {
        return this.database.read((jdbc) -> jdbc.sql("""
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
     * @param limit the size of the sample
     * @return up to {@code limit} rows, chosen at random
     */
    public List<BlobRecord> sampleBlobs(int limit) {
        return this.database.read((jdbc) -> jdbc.sql("""
                SELECT sha256, size_bytes, content_type, storage_type, storage_key, created_at
                FROM blobs WHERE quarantined_at IS NULL ORDER BY random() LIMIT :limit""")
            .param("limit", limit)
            .query(MediaInventory::blob)
            .list());
    }

    /**
     * Those of {@code hashes} that have no row in the blob index (one query).
     * @param hashes hashes of bytes found in the store
     * @return the hashes the index does not know
     */
    public List<String> notIndexed(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        return this.database.read((jdbc) -> jdbc.sql("""
                SELECT h FROM unnest(:hashes::text[]) AS h
                WHERE NOT EXISTS (SELECT 1 FROM blobs WHERE sha256 = h)""")
            .param("hashes", hashes.toArray(String[]::new))
            .query(String.class)
            .list());
    }

    /**
     * Queues hashes for the collector, which deletes the bytes only if nothing refers to
     * them by then.
     * @param hashes the hashes to queue
     */
    public void queueForCollection(Collection<String> hashes) {
        this.database.write((jdbc) -> {
            BlobReferences.queueForCollection(jdbc, hashes);
            return null;
        });
    }

    /**
     * Whether the index has a row for these bytes.
     * @param sha256 the hash of the bytes
     * @return whether a row of the blob index has that hash
     */
    public boolean isIndexed(String sha256) {
        return this.database.read((jdbc) -> jdbc.sql("SELECT count(*) FROM blobs WHERE sha256 = :sha256")
            .param("sha256", sha256)
            .query(Long.class)
            .single()) > 0;
    }

    /**
     * How many metadata rows (and renditions) refer to these bytes.
     * @param sha256 the hash of the bytes
     * @return the number of rows and renditions that refer to them
     */
    public long references(String sha256) {
        return this.database.read((jdbc) -> BlobReferences.count(jdbc, sha256));
    }

    /**
     * Queues for collection the indexed blobs that nothing refers to and that are older
     * than {@code olderThan} (younger ones may belong to an upload still on its way), and
     * are not queued yet.
     * @param olderThan only blobs indexed before this are considered
     * @param limit the most blobs to queue
     * @param dryRun find them but queue nothing
     * @return the hashes found (and, unless a dry run, queued)
     */
    public List<String> queueUnreferencedBlobs(Instant olderThan, int limit, boolean dryRun) {
        String select = """
                SELECT b.sha256 FROM blobs b
                WHERE b.created_at < :olderThan
                  AND NOT EXISTS (SELECT 1 FROM blob_deletions d WHERE d.sha256 = b.sha256)
                  AND %s
                ORDER BY b.sha256 LIMIT :limit""".formatted(BlobReferences.NOT_REFERENCED.formatted("b.sha256"));
        return this.database.write((jdbc) -> {
            List<String> hashes = jdbc.sql(select)
                .param("olderThan", Timestamp.from(olderThan))
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
