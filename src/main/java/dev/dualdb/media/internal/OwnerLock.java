package dev.dualdb.media.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A transaction-scoped PostgreSQL advisory lock on one owner's media, so that two
 * concurrent writers cannot both take the next position or both become the primary image.
 */
public final class OwnerLock {

    private OwnerLock() {
    }

    public static void lock(JdbcClient jdbc, String table, String ownerId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))")
            .param("key", table + ":" + ownerId)
            .query((rs, row) -> 1)
            .single();
    }

}
