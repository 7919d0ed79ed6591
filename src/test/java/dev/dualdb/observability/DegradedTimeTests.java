package dev.dualdb.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DegradedTimeTests {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private final Clock clock = new Clock() {

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return DegradedTimeTests.this.now;
        }

    };

    private void advance(int seconds) {
        this.now = this.now.plus(Duration.ofSeconds(seconds));
    }

    @Test
    void countsTheCurrentOutageAndTheTotalTimeWithoutPostgres() {
        AtomicBoolean up = new AtomicBoolean(true);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        DegradedTime degraded = new DegradedTime(up::get, this.clock);
        degraded.bindTo(metrics);

        degraded.poll();
        advance(5);
        up.set(false);
        degraded.poll();
        advance(5);
        degraded.poll();
        advance(3);

        assertThat(metrics.get("dualdb.postgres.unavailable").gauge().value()).isEqualTo(8.0);
        assertThat(metrics.get("dualdb.postgres.degraded").functionCounter().count()).isEqualTo(5.0);

        up.set(true);
        degraded.poll();
        advance(10);
        degraded.poll();

        assertThat(metrics.get("dualdb.postgres.unavailable").gauge().value()).isZero();
        assertThat(metrics.get("dualdb.postgres.degraded").functionCounter().count()).isEqualTo(8.0);
    }

}
