package dev.dualdb.blob.internal;

import java.time.Duration;

import dev.dualdb.system.StoreUnavailable;

/**
 * Uploads in progress already hold as many bytes in temporary files as allowed
 * ({@code dualdb.uploads.max-temp-size}); this one was refused, and nothing of it kept.
 * Trying again later works once other uploads finish.
 */
public class TempSpaceExhausted extends StoreUnavailable {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    public TempSpaceExhausted(long limit) {
        super("upload-capacity-exhausted",
                "Uploads in progress hold the most bytes allowed in temporary files (" + limit + "); try again later",
                RETRY_AFTER, null);
    }

}
