package dev.dualdb.media.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.dualdb.media.AccessCount;
import dev.dualdb.media.OwnerKind;

/**
 * The operations every media table shares, written once against {@link MediaTable}:
 * deleting one row or every row of some owners (queueing their bytes in the same
 * transaction), counting an access, and listing the owners rows point at. Each runs in
 * the caller's transaction.
 */
public final class MediaRows {

    private MediaRows() {
    }

    /**
     * Deletes one row, if it belongs to {@code ownerId}, and queues its bytes.
     * @param jdbc the client of the current transaction
     * @param table the table
     * @param ownerId the owner it must belong to (ignored for {@code media_storage})
     * @param id the row's id
     * @return the deleted row, if there was one
     */
    public static Optional<DeletedRow> delete(JdbcClient jdbc, MediaTable table, String ownerId, UUID id) {
        Optional<DeletedRow> deleted = jdbc
            .sql("DELETE FROM %s WHERE id = :id AND %s RETURNING id, blob_sha256".formatted(table.table(),
                    table.belongsToOwner()))
            .param("id", id)
            .param("owner", ownerId)
            .query(DeletedRow::map)
            .optional();
        deleted
            .ifPresent((row) -> BlobReferences.queueForCollection(jdbc, Collections.singletonList(row.blobSha256())));
        return deleted;
    }

    /**
     * Counts one access to a row that belongs to {@code ownerId}, atomically.
     * @param jdbc the client of the current transaction
     * @param table the table (one with an access count)
     * @param ownerId the owner it must belong to (ignored for {@code media_storage})
     * @param id the row's id
     * @return the new count, if the row exists
     */
    public static Optional<AccessCount> countAccess(JdbcClient jdbc, MediaTable table, String ownerId, UUID id) {
        return jdbc.sql("""
                UPDATE %s SET access_count = access_count + 1, last_accessed_at = now()
                WHERE id = :id AND %s
                RETURNING id, access_count, last_accessed_at""".formatted(table.table(), table.belongsToOwner()))
            .param("id", id)
            .param("owner", ownerId)
            .query(Rows::accessCount)
            .optional();
    }

    /**
     * Deletes every row, in every table, owned by the given owners, and queues their
     * bytes.
     * @param jdbc the client of the current transaction
     * @param kind the owners' kind
     * @param ownerIds the owners
     * @param createdBefore only rows created before this (the reconciler's guard against
     * an owner re-created since it was found missing), or {@code null} for all
     * @return how many rows were deleted
     */
    public static int deleteOwnedBy(JdbcClient jdbc, OwnerKind kind, Collection<String> ownerIds,
            Instant createdBefore) {
        if (ownerIds.isEmpty()) {
            return 0;
        }
        List<String> hashes = new ArrayList<>();
        for (MediaTable.OwnedBy rows : MediaTable.rowsOf(kind)) {
            String sql = "DELETE FROM %s WHERE %s%s RETURNING blob_sha256".formatted(rows.table().table(),
                    rows.ownerIn(), (createdBefore != null) ? " AND created_at < :createdBefore" : "");
            JdbcClient.StatementSpec statement = jdbc.sql(sql).param("ids", ownerIds.toArray(String[]::new));
            if (createdBefore != null) {
                statement = statement.param("createdBefore", Timestamp.from(createdBefore));
            }
            hashes.addAll(statement.query((rs, row) -> rs.getString(1)).list());
        }
        BlobReferences.queueForCollection(jdbc, hashes);
        return hashes.size();
    }

    /**
     * How many rows, in every table, the given owners have.
     * @param jdbc a client
     * @param kind the owners' kind
     * @param ownerIds the owners
     * @return the number of rows
     */
    public static long countOwnedBy(JdbcClient jdbc, OwnerKind kind, Collection<String> ownerIds) {
        if (ownerIds.isEmpty()) {
            return 0;
        }
        String[] ids = ownerIds.toArray(String[]::new);
        return MediaTable.rowsOf(kind)
            .stream()
            .mapToLong((rows) -> jdbc
                .sql("SELECT count(*) FROM %s WHERE %s".formatted(rows.table().table(), rows.ownerIn()))
                .param("ids", ids)
                .query(Long.class)
                .single())
            .sum();
    }

    /**
     * Distinct ids of owners of one kind that rows point at, after {@code after}
     * (exclusive, "" to start), in id order: the reconciler's keyset pagination.
     * @param jdbc a client
     * @param kind the owners' kind
     * @param after the last id of the previous batch, or ""
     * @param limit the batch size
     * @return the ids, trimmed
     */
    public static List<String> ownersAfter(JdbcClient jdbc, OwnerKind kind, String after, int limit) {
        String owners = MediaTable.rowsOf(kind)
            .stream()
            .map((rows) -> "SELECT %2$s AS id FROM %1$s WHERE %3$s AND %2$s > :after".formatted(rows.table().table(),
                    rows.column(), rows.condition()))
            .collect(Collectors.joining("\n    UNION "));
        return jdbc.sql("SELECT id FROM (" + owners + ") owners ORDER BY id LIMIT :limit")
            .param("after", after)
            .param("limit", limit)
            .query((rs, row) -> rs.getString("id").trim())
            .list();
    }

}
