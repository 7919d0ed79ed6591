package dev.dualdb.media;

import java.time.Duration;

import dev.dualdb.system.StoreUnavailable;

/**
 * PostgreSQL, which holds the media metadata, is disabled or cannot be reached right now.
 */
public class MediaStoreUnavailable extends StoreUnavailable {

    public MediaStoreUnavailable(String reason, Duration retryAfter, Throwable cause) {
        super("media-store-unavailable", "Media is unavailable: " + reason, retryAfter, cause);
    }

}
