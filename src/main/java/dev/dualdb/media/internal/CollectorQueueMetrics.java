package dev.dualdb.media.internal;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.dualdb.postgres.PostgresDatabase;
import dev.dualdb.postgres.PostgresUnavailable;

/**
 * How far the blob collector is behind, for Prometheus: the entries in its queue
 * ({@code dualdb_collector_queue_depth}), how long the oldest has waited
 * ({@code dualdb_collector_queue_oldest_seconds}) and how many have failed at least once
 * ({@code dualdb_collector_queue_failing}). Read from PostgreSQL on the collector's
 * interval, not on a scrape, so a scrape never waits for the database; while PostgreSQL
 * cannot be read the gauges show NaN, not stale figures.
 */
@Component
class CollectorQueueMetrics {

    private static final Logger log = LoggerFactory.getLogger(CollectorQueueMetrics.class);

    private final PostgresDatabase database;

    private volatile Snapshot snapshot = Snapshot.UNKNOWN;

    CollectorQueueMetrics(PostgresDatabase database, ObjectProvider<MeterRegistry> meters) {
        this.database = database;
        meters.ifAvailable((registry) -> {
            Gauge.builder("dualdb.collector.queue.depth", this, (metrics) -> metrics.snapshot.depth())
                .description("Blobs queued for collection (bytes that may have lost their last reference)")
                .register(registry);
            Gauge.builder("dualdb.collector.queue.oldest", this, (metrics) -> metrics.snapshot.oldestSeconds())
                .description("How long the oldest queued blob has waited")
                .baseUnit("seconds")
                .register(registry);
            Gauge.builder("dualdb.collector.queue.failing", this, (metrics) -> metrics.snapshot.failing())
                .description("Queued blobs whose deletion failed at least once")
                .register(registry);
        });
    }

    @Scheduled(fixedDelayString = "${dualdb.collector.interval:10s}", initialDelay = 0)
    void refresh() {
        if (!this.database.enabled()) {
            this.snapshot = Snapshot.UNKNOWN;
            return;
        }
        try {
            this.snapshot = this.database.read((jdbc) -> jdbc.sql("""
                    SELECT count(*) AS depth, min(queued_at) AS oldest, count(*) FILTER (WHERE attempts > 0) AS failing,
                           now() AS checked
                    FROM blob_deletions""").query((rs, row) -> {
                Instant oldest = (rs.getTimestamp("oldest") != null) ? rs.getTimestamp("oldest").toInstant() : null;
                Instant checked = rs.getTimestamp("checked").toInstant();
                double age = (oldest != null) ? Duration.between(oldest, checked).toMillis() / 1000.0 : 0;
                return new Snapshot(rs.getLong("depth"), age, rs.getLong("failing"));
            }).single());
        }
        catch (PostgresUnavailable ex) {
            log.debug("Collector queue not measured: {}", ex.getMessage());
            this.snapshot = Snapshot.UNKNOWN;
        }
    }

    private record Snapshot(double depth, double oldestSeconds, double failing) {

        static final Snapshot UNKNOWN = new Snapshot(Double.NaN, Double.NaN, Double.NaN);

    }

}
