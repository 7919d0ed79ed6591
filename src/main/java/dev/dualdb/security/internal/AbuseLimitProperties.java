package dev.dualdb.security.internal;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * Rate limits and the instructors' storage quota ({@code dualdb.security.limits.*}). Each
 * rate is written {@code <amount>/<period>}, such as {@code 10/15m} or {@code 10GB/1h},
 * and refills continuously; the buckets live in PostgreSQL, so every instance counts
 * against the same ones.
 *
 * @param enabled whether rate limits are applied at all (the quota is separate)
 * @param loginPerAccount login attempts per email address, whatever their outcome
 * @param loginPerAddress login attempts per client address
 * @param registrationPerAddress registrations per client address
 * @param uploadsPerUser upload requests (multipart POST or PUT) per user
 * @param uploadBytesPerUser upload bytes per user, by the declared {@code Content-Length}
 * (a chunked upload is counted once it has been read)
 * @param instructorQuota the most bytes of media an instructor may have stored (admins
 * are exempt); {@code 0} switches the quota off
 * @param unavailableBackoff how long limits are skipped (fail open) after PostgreSQL
 * could not be reached, so that an outage does not add a connection timeout to every
 * request
 */
@ConfigurationProperties("dualdb.security.limits")
public record AbuseLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10/15m") Rate loginPerAccount,
        @DefaultValue("50/15m") Rate loginPerAddress, @DefaultValue("10/1h") Rate registrationPerAddress,
        @DefaultValue("100/1h") Rate uploadsPerUser, @DefaultValue("10GB/1h") Rate uploadBytesPerUser,
        @DefaultValue("10GB") DataSize instructorQuota, @DefaultValue("5s") Duration unavailableBackoff) {

    /**
     * So many requests (or bytes) per period.
     *
     * @param amount how many requests or bytes
     * @param per the period over which they refill
     */
    public record Rate(long amount, Duration per) {

        public Rate {
            if (amount < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("A rate needs an amount of 1 or more and a positive period");
            }
            // Bucket4j refills at most one token a nanosecond; a faster rate would fail
            // on
            // the first request, so it stops the start instead.
            if (amount > per.toNanos()) {
                throw new IllegalArgumentException(
                        "A rate can refill at most one unit a nanosecond (such as 3600GB/1h): " + amount + "/" + per);
            }
        }

        /**
         * Reads a rate written {@code <amount>/<period>}: {@code 10/15m}, {@code 5GB/1h}.
         * @param text the rate
         * @return the rate
         */
        public static Rate valueOf(String text) {
            int slash = text.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("A rate is written <amount>/<period>, such as 10/15m: " + text);
            }
            String amount = text.substring(0, slash).trim();
            Duration per = DurationStyle.detectAndParse(text.substring(slash + 1).trim());
            boolean bytes = !amount.isEmpty() && Character.isLetter(amount.charAt(amount.length() - 1));
            return new Rate(bytes ? DataSize.parse(amount.toUpperCase(Locale.ROOT)).toBytes() : Long.parseLong(amount),
                    per);
        }

        @Override
        public String toString() {
            return this.amount + "/" + this.per;
        }

    }

}
