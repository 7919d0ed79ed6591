package dev.dualdb.media.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thumbnail worker, which makes the renditions of uploaded images off the request
 * path (one job per source blob in {@code rendition_jobs}).
 *
 * @param interval pause between two rounds of the worker on each instance
 * @param batchSize jobs claimed per round
 * @param lease how long a claimed job is held; a job whose worker died is taken again
 * after it
 * @param maxAttempts attempts before a job is kept as failed (with its last error)
 * @param threads images decoded at once per instance
 * @param retryDelay the pause after a first failure; it doubles with each attempt
 * @param maxBackoff the longest pause before a retry
 */
@ConfigurationProperties("dualdb.renditions")
public record RenditionJobSettings(@DefaultValue("1s") Duration interval, @DefaultValue("16") int batchSize,
        @DefaultValue("5m") Duration lease, @DefaultValue("5") int maxAttempts, @DefaultValue("1") int threads,
        @DefaultValue("10s") Duration retryDelay, @DefaultValue("1h") Duration maxBackoff) {

    public RenditionJobSettings {
        if (batchSize <= 0 || maxAttempts <= 0 || threads <= 0) {
            throw new IllegalArgumentException(
                    "dualdb.renditions.batch-size, max-attempts and threads must be positive");
        }
        if (interval.isNegative() || interval.isZero() || lease.isNegative() || lease.isZero()
                || retryDelay.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("dualdb.renditions.interval and lease must be positive, "
                    + "retry-delay and max-backoff not negative");
        }
    }
}
