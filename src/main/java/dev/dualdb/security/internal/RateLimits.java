package dev.dualdb.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dualdb.security.internal.AbuseLimitProperties.Rate;

/**
 * The rate limits, as Bucket4j token buckets kept in PostgreSQL
 * ({@code rate_limit_buckets}) so that every instance draws on the same ones. A bucket's
 * key names the limit, its setting and whom it counts, so a changed setting starts fresh
 * buckets instead of reading old ones with another capacity.
 * <p>
 * When PostgreSQL cannot be reached the limits fail open: the request goes on, a warning
 * is logged, {@code dualdb.ratelimit.unavailable} counts it, and the limits are skipped
 * for {@code unavailable-backoff} so that an outage does not add a connection timeout to
 * every request. Refusing every login while PostgreSQL is away would lock everyone out
 * (the access tokens need no PostgreSQL); password hashing still makes guessing slow.
 */
public class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    // Null when there is no PostgreSQL at all (dualdb.postgres.enabled=false): no limits.
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    private final Duration backoff;

    private final MeterRegistry meters;

    private volatile Instant skipUntil = Instant.MIN;

    RateLimits(DataSource dataSource, Duration backoff, MeterRegistry meters) {
        this.buckets = (dataSource != null) ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_buckets")
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            .expirationAfterWrite(
                    ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
            .build() : null;
        this.backoff = backoff;
        this.meters = meters;
    }

    /**
     * Takes {@code amount} from the bucket of {@code limit} for {@code subject}.
     * @param limit which limit
     * @param rate its setting
     * @param subject whom it counts (an address, a user id, an email)
     * @param amount how much to take (1 for a request, bytes for an upload's size)
     * @return empty if taken (or if the limits cannot be checked now), else how long to
     * wait before it could be
     */
    Optional<Duration> tryTake(String limit, Rate rate, String subject, long amount) {
        BucketProxy bucket = bucket(limit, rate, subject);
        if (bucket == null) {
            return Optional.empty();
        }
        try {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(amount);
            if (probe.isConsumed()) {
                return Optional.empty();
            }
            this.meters.counter("dualdb.ratelimit.refused", "limit", limit).increment();
            // More than the bucket ever holds can never be taken: wait for it to be full.
            long nanos = (amount > rate.amount()) ? rate.per().toNanos() : probe.getNanosToWaitForRefill();
            return Optional.of(Duration.ofSeconds(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L))));
        }
        catch (RuntimeException ex) {
            unavailable(ex);
            return Optional.empty();
        }
    }

    /**
     * Whether the bucket has anything left, without taking from it (for a chunked upload,
     * charged only once its size is known).
     * @param limit which limit
     * @param rate its setting
     * @param subject whom it counts
     * @return how long to wait while the bucket is empty or in debt, else empty
     */
    Optional<Duration> whileEmpty(String limit, Rate rate, String subject) {
        BucketProxy bucket = bucket(limit, rate, subject);
        if (bucket == null) {
            return Optional.empty();
        }
        try {
            long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            return (nanos <= 0) ? Optional.empty() : Optional
                .of(Duration.ofSeconds(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L))));
        }
        catch (RuntimeException ex) {
            unavailable(ex);
            return Optional.empty();
        }
    }

    /**
     * Takes {@code amount} even beyond what the bucket holds (it goes into debt, and
     * refuses until it is repaid): for bytes already received.
     * @param limit which limit
     * @param rate its setting
     * @param subject whom it counts
     * @param amount how much
     */
    void charge(String limit, Rate rate, String subject, long amount) {
        BucketProxy bucket = bucket(limit, rate, subject);
        if (bucket == null || amount <= 0) {
            return;
        }
        try {
            bucket.consumeIgnoringRateLimits(amount);
        }
        catch (RuntimeException ex) {
            unavailable(ex);
        }
    }

    /**
     * Forgets buckets that have been full for a while.
     * @return how many were removed
     */
    int removeFullBuckets() {
        if (this.buckets == null) {
            return 0;
        }
        int removed = 0;
        int batch;
        do {
            batch = this.buckets.removeExpired(1000);
            removed += batch;
        }
        while (batch == 1000);
        return removed;
    }

    private BucketProxy bucket(String limit, Rate rate, String subject) {
        if (this.buckets == null || Instant.now().isBefore(this.skipUntil)) {
            return null;
        }
        // A subject the client chose (an email) is hashed when long, so that it always
        // fits the key column.
        String who = (subject.length() > 200) ? sha256(subject) : subject;
        String key = limit + ":" + rate.amount() + "/" + rate.per().toSeconds() + ":" + who;
        BucketConfiguration configuration = BucketConfiguration.builder()
            .addLimit((bandwidth) -> bandwidth.capacity(rate.amount()).refillGreedy(rate.amount(), rate.per()))
            .build();
        return this.buckets.builder().build(key, () -> configuration);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void unavailable(RuntimeException ex) {
        this.skipUntil = Instant.now().plus(this.backoff);
        this.meters.counter("dualdb.ratelimit.unavailable").increment();
        log.warn("Rate limits cannot be checked (PostgreSQL cannot be reached); requests pass unchecked for {}: {}",
                this.backoff, ex.getMessage());
    }

}
