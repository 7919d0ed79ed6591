package dev.dualdb.postgres;

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

}
