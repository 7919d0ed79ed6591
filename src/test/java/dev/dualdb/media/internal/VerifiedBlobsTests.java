package dev.dualdb.media.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which whole-body reads hash their bytes: the first one, and the first one after the
 * window; none when verification is off.
 */
class VerifiedBlobsTests {

    private static final String HASH = "a".repeat(64);

    private final AtomicLong nanos = new AtomicLong();

    private VerifiedBlobs verifiedBlobs(boolean verify) {
        return new VerifiedBlobs(new IntegrityProperties(verify, Duration.ofMinutes(10), 100), this.nanos::get);
    }

    @Test
    void bytesAreHashedOnTheFirstReadAndAgainOnlyAfterTheWindow() {
        VerifiedBlobs blobs = verifiedBlobs(true);
        assertThat(blobs.mustVerify(HASH)).isTrue();
        blobs.verified(HASH);
        assertThat(blobs.mustVerify(HASH)).isFalse();
        assertThat(blobs.mustVerify("b".repeat(64))).isTrue();
        this.nanos.addAndGet(Duration.ofMinutes(9).toNanos());
        assertThat(blobs.mustVerify(HASH)).isFalse();
        this.nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(blobs.mustVerify(HASH)).isTrue();
    }

    @Test
    void forgottenBytesAreHashedAgain() {
        VerifiedBlobs blobs = verifiedBlobs(true);
        blobs.verified(HASH);
        blobs.forget(HASH);
        assertThat(blobs.mustVerify(HASH)).isTrue();
        blobs.verified(HASH);
        blobs.forgetAll();
        assertThat(blobs.mustVerify(HASH)).isTrue();
    }

    @Test
    void nothingIsHashedWhenVerificationIsOff() {
        assertThat(verifiedBlobs(false).mustVerify(HASH)).isFalse();
    }

    @Test
    void aZeroWindowHashesEveryRead() {
        VerifiedBlobs blobs = new VerifiedBlobs(new IntegrityProperties(true, Duration.ZERO, 100), this.nanos::get);
        blobs.verified(HASH);
        assertThat(blobs.mustVerify(HASH)).isTrue();
    }

}
