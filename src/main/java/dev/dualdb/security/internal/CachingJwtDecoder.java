package dev.dualdb.security.internal;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies each distinct token once: a token that passed the signature and claim checks
 * is kept (by its exact text) until it expires, so a client sending the same token on
 * every request pays for one RSA verification, not one per request. A token that fails is
 * never kept; a kept token leaves the cache at its {@code exp} (or after the longest
 * keep, whichever comes first), so an expired token is checked again and refused.
 */
class CachingJwtDecoder implements JwtDecoder {

    private static final Duration LONGEST_KEEP = Duration.ofMinutes(10);

    private final JwtDecoder verifier;

    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
        .maximumSize(50_000)
        .expireAfter(new UntilExpiry())
        .build();

    CachingJwtDecoder(JwtDecoder verifier) {
        this.verifier = verifier;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = this.verified.getIfPresent(token);
        if (known != null && (known.getExpiresAt() == null || known.getExpiresAt().isAfter(Instant.now()))) {
            return known;
        }
        Jwt jwt = this.verifier.decode(token);
        this.verified.put(token, jwt);
        return jwt;
    }

    /** Keeps a token until its {@code exp}, at most {@link #LONGEST_KEEP}. */
    private static final class UntilExpiry implements Expiry<String, Jwt> {

        @Override
        public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
            Duration keep = LONGEST_KEEP;
            if (jwt.getExpiresAt() != null) {
                Duration left = Duration.between(Instant.now(), jwt.getExpiresAt());
                keep = (left.compareTo(keep) < 0) ? left : keep;
            }
            return Math.max(0, keep.toNanos());
        }

        @Override
        public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }

    }

}
