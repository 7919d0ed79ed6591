package dev.dualdb.legacy.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.dualdb.media.ImportedMedia;

/**
 * SQL for {@code legacy_imports}: which keys were imported (primary key), recorded in the
 * transaction that writes their media rows.
 */
@Repository
class ImportLedger {

    Set<String> imported(JdbcClient jdbc, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT import_key FROM legacy_imports WHERE import_key = ANY(:keys)")
            .param("keys", keys.toArray(String[]::new))
            .query(String.class)
            .list());
    }

    void record(JdbcClient jdbc, String key, ImportedMedia media, String sourceUrl) {
        jdbc.sql("""
                INSERT INTO legacy_imports (import_key, media_kind, media_id, source_url, bytes_copied)
                VALUES (:key, :kind, :id, :source, :copied)""")
            .param("key", key)
            .param("kind", media.kind().name())
            .param("id", media.id())
            .param("source", sourceUrl)
            .param("copied", media.file() != null)
            .update();
    }

    long count(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM legacy_imports").query(Long.class).single();
    }

}
