package dev.dualdb.security.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.dualdb.postgres.PostgresDatabase;

/**
 * The audit trail in PostgreSQL ({@code audit_events}): who did what to which ids, with
 * what outcome, when and from where. A request only puts its event in a queue; the queue
 * is written in one statement every {@code flush-interval}, so the audit never slows a
 * request down nor fails it. While PostgreSQL is away the events are dropped, logged and
 * counted ({@code dualdb.audit.dropped}).
 */
@Component
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private static final int BATCH = 500;

    private final PostgresDatabase database;

    private final AuditProperties properties;

    private final RateLimits limits;

    private final BlockingQueue<AuditEvent> queue;

    private final Counter dropped;

    private final Counter written;

    AuditTrail(PostgresDatabase database, AuditProperties properties, RateLimits limits, MeterRegistry meters) {
        this.database = database;
        this.properties = properties;
        this.limits = limits;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.dropped = meters.counter("dualdb.audit.dropped");
        this.written = meters.counter("dualdb.audit.written");
    }

    /**
     * Queues an event to be written with the next flush.
     * @param event what happened
     */
    void record(AuditEvent event) {
        if (!this.queue.offer(event)) {
            this.dropped.increment();
            log.warn("Audit queue full ({} events): an event of {} {} is dropped", this.properties.queueCapacity(),
                    event.method(), event.route());
        }
    }

    /**
     * Records a failed login.
     * @param userId the account tried, or {@code null} when no account has that email
     * @param email the email tried
     * @param status the status answered (401, or 429 when refused by a rate limit)
     */
    public void loginFailed(String userId, String email, int status) {
        String address = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            address = attributes.getRequest().getRemoteAddr();
        }
        String tried = (email == null || email.length() <= 320) ? email : email.substring(0, 320);
        record(new AuditEvent(Instant.now(), userId, AuditEvent.LOGIN_FAILED, "POST", "/api/auth/login", null, status,
                address, tried));
    }

    /** Writes the events queued so far, a batch per statement. */
    @Scheduled(fixedDelayString = "${dualdb.security.audit.flush-interval:1s}")
    public void flush() {
        List<AuditEvent> batch = new ArrayList<>(BATCH);
        while (this.queue.drainTo(batch, BATCH) > 0) {
            try {
                this.database.write((jdbc) -> insert(jdbc, batch));
                this.written.increment(batch.size());
            }
            catch (RuntimeException ex) {
                this.dropped.increment(batch.size());
                log.warn("{} audit events dropped: they cannot be written ({})", batch.size(), ex.getMessage());
            }
            batch.clear();
        }
    }

    private static int insert(JdbcClient jdbc, List<AuditEvent> events) {
        StringBuilder sql = new StringBuilder("insert into audit_events (occurred_at, user_id, action, method, route, "
                + "target_ids, status, client_address, detail) values ");
        List<Object> params = new ArrayList<>(events.size() * 9);
        for (int i = 0; i < events.size(); i++) {
            AuditEvent event = events.get(i);
            sql.append((i > 0) ? ", " : "").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.add(Timestamp.from(event.occurredAt()));
            params.add(event.userId());
            params.add(event.action());
            params.add(event.method());
            params.add(event.route());
            params.add(event.targetIds());
            params.add(event.status());
            params.add(event.clientAddress());
            params.add(event.detail());
        }
        return jdbc.sql(sql.toString()).params(params).update();
    }

    @PreDestroy
    void flushAtShutdown() {
        flush();
    }

    /**
     * Deletes events older than the retention, and forgets rate-limit buckets that have
     * been full for a while; one instance at a time.
     */
    @Scheduled(fixedDelayString = "${dualdb.security.audit.prune-interval:1h}", initialDelayString = "PT1M")
    public void prune() {
        try {
            this.database.withLeaderLock("audit-prune", () -> {
                Instant before = Instant.now().minus(this.properties.retention());
                int events = this.database.write((jdbc) -> jdbc.sql("delete from audit_events where occurred_at < ?")
                    .params(Timestamp.from(before))
                    .update());
                int buckets = this.limits.removeFullBuckets();
                log.info("Pruned {} audit events older than {} and {} idle rate-limit buckets", events, before,
                        buckets);
                return events;
            });
        }
        catch (RuntimeException ex) {
            log.warn("Audit pruning skipped: {}", ex.getMessage());
        }
    }

    /**
     * One page of the trail, newest first.
     * @param page the page, from 0
     * @param size the most events on a page
     * @param userId only this user's events, or {@code null} for all
     * @param since only events at or after this instant, or {@code null} for all
     * @return the page
     */
    public AuditPage page(int page, int size, String userId, Instant since) {
        String where = " where (cast(:user as char(24)) is null or user_id = :user)"
                + " and (cast(:since as timestamptz) is null or occurred_at >= :since)";
        Timestamp from = (since != null) ? Timestamp.from(since) : null;
        return this.database.read((jdbc) -> {
            List<AuditEvent> items = jdbc
                .sql("select occurred_at, user_id, action, method, route, target_ids, status, client_address, detail"
                        + " from audit_events" + where
                        + " order by occurred_at desc, id desc limit :size offset :offset")
                .param("user", userId)
                .param("since", from)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new AuditEvent(rs.getTimestamp("occurred_at").toInstant(), rs.getString("user_id"),
                        rs.getString("action"), rs.getString("method"), rs.getString("route"),
                        rs.getString("target_ids"), rs.getInt("status"), rs.getString("client_address"),
                        rs.getString("detail")))
                .list();
            long total = jdbc.sql("select count(*) from audit_events" + where)
                .param("user", userId)
                .param("since", from)
                .query(Long.class)
                .single();
            return new AuditPage(items, page, size, total);
        });
    }

}
