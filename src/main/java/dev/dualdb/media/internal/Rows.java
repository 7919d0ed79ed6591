package dev.dualdb.media.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import dev.dualdb.media.AccessCount;

/** Reads nullable columns from a result set. */
final class Rows {

    private Rows() {
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return (timestamp != null) ? timestamp.toInstant() : null;
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static AccessCount accessCount(ResultSet rs, int row) throws SQLException {
        return new AccessCount(rs.getObject("id", UUID.class), rs.getLong("access_count"),
                instant(rs, "last_accessed_at"));
    }

    static String trimmed(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return (value != null) ? value.trim() : null;
    }

}
