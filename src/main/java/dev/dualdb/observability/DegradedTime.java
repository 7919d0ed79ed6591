package dev.dualdb.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Measures degraded mode: how long PostgreSQL has been unavailable right now
 * ({@code dualdb_postgres_unavailable_seconds}, 0 while it is up) and in total since
 * start ({@code dualdb_postgres_degraded_seconds_total}, whose rate is the share of time
 * spent degraded). Disabled ({@code dualdb.postgres.enabled=false}) counts as
 * unavailable. Time is measured between polls of the health indicator, so both figures
 * are as precise as the poll interval.
 */
final class DegradedTime {

    private final BooleanSupplier available;

    private final Clock clock;

    private Instant lastPoll;

    private Instant unavailableSince;

    private double totalSeconds;

    DegradedTime(BooleanSupplier available, Clock clock) {
        this.available = available;
        this.clock = clock;
        this.lastPoll = clock.instant();
    }

    void bindTo(MeterRegistry metrics) {
        Gauge.builder("dualdb.postgres.unavailable", this, DegradedTime::currentSeconds)
            .description("Seconds PostgreSQL has been unavailable without a break (0 while available)")
            .baseUnit("seconds")
            .register(metrics);
        FunctionCounter.builder("dualdb.postgres.degraded", this, DegradedTime::totalSeconds)
            .description("Seconds spent with PostgreSQL unavailable since start (degraded mode)")
            .baseUnit("seconds")
            .register(metrics);
    }

    /** Looks at PostgreSQL once and accounts the time since the previous look. */
    synchronized void poll() {
        boolean up = this.available.getAsBoolean();
        Instant now = this.clock.instant();
        if (this.unavailableSince != null) {
            this.totalSeconds += secondsBetween(this.lastPoll, now);
        }
        if (up) {
            this.unavailableSince = null;
        }
        else if (this.unavailableSince == null) {
            this.unavailableSince = now;
        }
        this.lastPoll = now;
    }

    synchronized double currentSeconds() {
        return (this.unavailableSince != null) ? secondsBetween(this.unavailableSince, this.clock.instant()) : 0;
    }

    synchronized double totalSeconds() {
        return this.totalSeconds;
    }

    private static double secondsBetween(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

}
