package dev.dualdb.legacy.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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

    /**
     * Records imported items with one statement, in the transaction that writes their
     * media rows.
     * @param jdbc the client of that transaction
     * @param items the imported items
     */
    void record(JdbcClient jdbc, List<PlannedMedia> items) {
        jdbc.sql("""
                INSERT INTO legacy_imports (import_key, media_kind, media_id, source_url, bytes_copied)
                SELECT key, kind, id::uuid, source, copied::boolean
                FROM unnest(:keys::text[], :kinds::text[], :ids::text[], :sources::text[], :copied::text[])
                    AS t(key, kind, id, source, copied)""")
            .param("keys", texts(items, (item) -> item.found().key()))
            .param("kinds", texts(items, (item) -> item.media().kind().name()))
            .param("ids", texts(items, (item) -> item.media().id().toString()))
            .param("sources", texts(items, (item) -> item.source().toString()))
            .param("copied", texts(items, (item) -> Boolean.toString(item.media().file() != null)))
            .update();
    }

    private static String[] texts(List<PlannedMedia> items, Function<PlannedMedia, String> column) {
        return items.stream().map(column).toArray(String[]::new);
    }

    long count(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM legacy_imports").query(Long.class).single();
    }

}
