package dev.dualdb.postgres;

import java.time.Duration;

import dev.dualdb.system.StoreUnavailable;

/**
 * PostgreSQL, which holds the media metadata, is disabled or cannot be reached right now.
 */
public class PostgresUnavailable extends StoreUnavailable {

    public PostgresUnavailable(String reason, Duration retryAfter, Throwable cause) {
        super("media-store-unavailable", "Media is unavailable: " + reason, retryAfter, cause);
    }

}
