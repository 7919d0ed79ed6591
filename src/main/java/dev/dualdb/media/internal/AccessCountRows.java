package dev.dualdb.media.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.dualdb.media.AccessCount;

/**
 * The SQL of batched access counting: reading the counter of one row (the existence check
 * of a count, a read by primary key) and adding many counts to one table in one
 * statement.
 */
final class AccessCountRows {

    private AccessCountRows() {
    }

    /**
     * The counter of one row and the owner it belongs to.
     * @param jdbc a client
     * @param table the table
     * @param id the row's id
     * @return the row, if it exists
     */
    static Optional<CountedRow> find(JdbcClient jdbc, MediaTable table, UUID id) {
        return jdbc
            .sql("SELECT %s AS owner, access_count, last_accessed_at FROM %s WHERE id = :id"
                .formatted(table.ownerColumn(), table.table()))
            .param("id", id)
            .query((rs, row) -> new CountedRow(Rows.trimmed(rs, "owner"), rs.getLong("access_count"),
                    Rows.instant(rs, "last_accessed_at")))
            .optional();
    }

    /**
     * Adds counts to rows of one table in one statement. The rows are locked in id order
     * first, so that two instances flushing the same rows cannot deadlock; a row that is
     * gone is simply not in the answer.
     * @param jdbc the client of the current transaction
     * @param table the table
     * @param counts the counts to add, at most one per id
     * @return the new counters of the rows that still exist
     */
    static List<AccessCount> add(JdbcClient jdbc, MediaTable table, List<Increment> counts) {
        String sql = """
                WITH v AS (
                    SELECT * FROM unnest(:ids::uuid[], :counts::bigint[], :ats::timestamptz[]) AS v(id, n, at)
                ), locked AS (
                    SELECT t.id FROM %1$s t JOIN v ON v.id = t.id ORDER BY t.id FOR UPDATE OF t
                )
                UPDATE %1$s t
                SET access_count = t.access_count + v.n, last_accessed_at = GREATEST(t.last_accessed_at, v.at)
                FROM v
                WHERE t.id = v.id AND t.id IN (SELECT id FROM locked)
                RETURNING t.id, t.access_count, t.last_accessed_at""".formatted(table.table());
        return jdbc.sql(sql)
            .param("ids", counts.stream().map((count) -> count.id().toString()).toArray(String[]::new))
            .param("counts", counts.stream().map((count) -> Long.toString(count.count())).toArray(String[]::new))
            .param("ats", counts.stream().map((count) -> count.lastAccessedAt().toString()).toArray(String[]::new))
            .query(AccessCountRows::accessCount)
            .list();
    }

    private static AccessCount accessCount(ResultSet rs, int row) throws SQLException {
        return new AccessCount(rs.getObject("id", UUID.class), rs.getLong("access_count"),
                Rows.instant(rs, "last_accessed_at"));
    }

    /**
     * A row's counter as PostgreSQL holds it.
     *
     * @param owner the id of the owner the row belongs to
     * @param count the access count
     * @param lastAccessedAt the last access written, or {@code null}
     */
    record CountedRow(String owner, long count, Instant lastAccessedAt) {
    }

    /**
     * Counts to add to one row.
     *
     * @param id the row's id
     * @param count how many accesses
     * @param lastAccessedAt when the latest of them happened
     */
    record Increment(UUID id, long count, Instant lastAccessedAt) {
    }

}
