package dev.dualdb.media.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A deleted metadata row and the hash of the bytes it referred to ({@code null} for
 * external media).
 *
 * @param id the deleted row's id
 * @param blobSha256 the hash of the bytes it referred to, or {@code null} for external
 * media
 */
public record DeletedRow(UUID id, String blobSha256) {

    static DeletedRow map(ResultSet rs, int row) throws SQLException {
        return new DeletedRow(rs.getObject("id", UUID.class), Rows.trimmed(rs, "blob_sha256"));
    }
}
