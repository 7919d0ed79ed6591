package dev.dualdb.media.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The blobs whose bytes this instance hashed on a read and found right, trusted for
 * {@link IntegrityProperties#reverifyAfter()}: a hot file is hashed once per window, not
 * on every download, and goes out by sendfile in between. Damage that happens inside the
 * window is found by the next verified read after it or by the reconciler's hash pass.
 */
@Component
public class VerifiedBlobs {

    private final boolean verify;

    private final Cache<String, Boolean> verified;

    @Autowired
    VerifiedBlobs(IntegrityProperties properties) {
        this(properties, Ticker.systemTicker());
    }

    VerifiedBlobs(IntegrityProperties properties, Ticker ticker) {
        this.verify = properties.verifyFullReads();
        this.verified = Caffeine.newBuilder()
            .maximumSize(properties.maxVerified())
            .expireAfterWrite(properties.reverifyAfter())
            .ticker(ticker)
            .build();
    }

    /**
     * Whether a whole-body read of these bytes must hash them as they go out.
     * @param sha256 the blob's key
     * @return {@code true} unless verification is off or the bytes were verified within
     * the window
     */
    public boolean mustVerify(String sha256) {
        return this.verify && this.verified.getIfPresent(sha256) == null;
    }

    /**
     * Notes that a read hashed these bytes and found them right.
     * @param sha256 the blob's key
     */
    public void verified(String sha256) {
        this.verified.put(sha256, Boolean.TRUE);
    }

    /**
     * Forgets a blob, so its next whole-body read is verified again (it was quarantined,
     * deleted or restored).
     * @param sha256 the blob's key
     */
    public void forget(String sha256) {
        this.verified.invalidate(sha256);
    }

    /** Forgets every blob (this instance may have missed announcements). */
    public void forgetAll() {
        this.verified.invalidateAll();
    }

}
