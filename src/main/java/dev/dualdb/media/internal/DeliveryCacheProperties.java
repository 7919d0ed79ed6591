package dev.dualdb.media.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-memory cache behind {@code GET /media/{id}}: what delivering a piece of media
 * needs (its stored bytes' facts, thumbnails, and that its owner exists), so that a warm
 * hit costs no database round trip. Deletions reach every instance at once through
 * PostgreSQL {@code LISTEN/NOTIFY}; {@code maxStaleness} bounds what an instance that
 * missed a notification can serve.
 *
 * @param enabled {@code false} looks every request up in PostgreSQL and MongoDB, as
 * without a cache
 * @param maxEntries the most media entries (and, separately, owners) kept per instance;
 * the least recently used go first
 * @param maxStaleness how long an entry is served without looking again, whatever
 * happens: the most a reader can see of media deleted while this instance could not hear
 * about it
 */
@ConfigurationProperties("dualdb.media.delivery-cache")
public record DeliveryCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("100000") long maxEntries,
        @DefaultValue("30s") Duration maxStaleness) {
}
