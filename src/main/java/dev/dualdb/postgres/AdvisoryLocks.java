package dev.dualdb.postgres;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Transaction-scoped PostgreSQL advisory locks, named by a string: held until the
 * transaction that took them ends, across every instance on the same database.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /**
     * Waits for the lock named {@code key} and holds it until the current transaction
     * ends.
     * @param jdbc the client of the current transaction
     * @param key the lock's name, such as {@code product_images:<owner id>}
     */
    public static void lockForTransaction(JdbcClient jdbc, String key) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))").param("key", key).query((rs, row) -> 1).single();
    }

    /**
     * Waits for every lock named in {@code keys}, taken in name order (so two callers
     * locking overlapping sets cannot deadlock) with one statement, and holds them until
     * the current transaction ends.
     * @param jdbc the client of the current transaction
     * @param keys the locks' names
     */
    public static void lockAllForTransaction(JdbcClient jdbc, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        // OFFSET 0 keeps the sorted subquery from being flattened, so the locks are taken
        // in its order.
        jdbc.sql("""
                SELECT pg_advisory_xact_lock(hashtext(k))
                FROM (SELECT k FROM unnest(:keys::text[]) AS u(k) ORDER BY k OFFSET 0) sorted""")
            .param("keys", keys.toArray(String[]::new))
            .query((rs, row) -> 1)
            .list();
    }

}
