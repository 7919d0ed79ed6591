package dev.dualdb.media.internal;

import java.time.Duration;

import dev.dualdb.system.StoreUnavailable;

/**
 * Identical bytes were being collected at the very moment this upload found them already
 * stored; nothing was recorded, and sending the upload again succeeds.
 */
public class BlobVanished extends StoreUnavailable {

    public BlobVanished(String sha256) {
        super("upload-raced-deletion",
                "The stored bytes were removed while this upload was being recorded; " + "send it again",
                Duration.ofSeconds(1), null);
    }

}
