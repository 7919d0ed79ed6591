package dev.dualdb.blob.internal;

import java.time.Duration;

import dev.dualdb.system.StoreUnavailable;

/** The blob store (its directory or its bucket) cannot be read or written right now. */
public class BlobStoreUnavailable extends StoreUnavailable {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public BlobStoreUnavailable(String reason, Throwable cause) {
        super("blob-store-unavailable", "The blob store is unavailable: " + reason, RETRY_AFTER, cause);
    }

}
