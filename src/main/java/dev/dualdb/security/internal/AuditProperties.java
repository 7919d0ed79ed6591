package dev.dualdb.security.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail ({@code dualdb.security.audit.*}).
 *
 * @param retention how long an audit event is kept
 * @param flushInterval how often the events recorded meanwhile are written to PostgreSQL
 * (in one statement), so that a request never waits for the audit
 * @param queueCapacity the most events waiting to be written; more are dropped (and
 * counted in {@code dualdb.audit.dropped})
 * @param pruneInterval how often events older than the retention are deleted (by one
 * instance at a time)
 */
@ConfigurationProperties("dualdb.security.audit")
public record AuditProperties(@DefaultValue("90d") Duration retention, @DefaultValue("1s") Duration flushInterval,
        @DefaultValue("10000") int queueCapacity, @DefaultValue("1h") Duration pruneInterval) {
}
