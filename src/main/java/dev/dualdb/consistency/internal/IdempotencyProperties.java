package dev.dualdb.consistency.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How {@code Idempotency-Key} headers are honoured.
 *
 * @param retention how long a completed request is remembered and replayed
 * @param inProgressTimeout after this long, a request still marked in progress is taken
 * to have died (a crash), and a retry with its key takes over and finishes it
 * @param maxResponseBytes successful responses larger than this are not stored: the key
 * then stays without a response, like one whose response could not be stored, so a retry
 * takes over at once and finds the first attempt's rows instead of repeating it
 */
@ConfigurationProperties("dualdb.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention,
        @DefaultValue("15m") Duration inProgressTimeout, @DefaultValue("1MB") DataSize maxResponseBytes) {
}
