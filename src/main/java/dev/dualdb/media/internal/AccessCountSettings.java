package dev.dualdb.media.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How views and accesses are counted: in memory, then written to PostgreSQL in batches.
 *
 * @param accessCountFlushInterval how often the counts kept in memory are written to
 * PostgreSQL (one statement per table); a {@code kill -9} loses at most the counts of one
 * interval. {@code 0} writes every count at once (one row {@code UPDATE} per request, no
 * batching)
 * @param accessCountMaxPending the most media whose counts are kept in memory at once;
 * beyond it a count is written at once, as with an interval of {@code 0}
 */
@ConfigurationProperties("dualdb.media")
public record AccessCountSettings(@DefaultValue("1s") Duration accessCountFlushInterval,
        @DefaultValue("100000") int accessCountMaxPending) {

    /**
     * Whether counts are batched in memory at all.
     * @return {@code false} if the interval is zero
     */
    public boolean batched() {
        return !this.accessCountFlushInterval.isNegative() && !this.accessCountFlushInterval.isZero()
                && this.accessCountMaxPending > 0;
    }

}
