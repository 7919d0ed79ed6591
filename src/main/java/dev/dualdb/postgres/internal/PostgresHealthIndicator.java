package dev.dualdb.postgres.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import dev.dualdb.postgres.PostgresDatabase;
import dev.dualdb.postgres.PostgresUnavailable;

/**
 * Health of the media store: {@code /actuator/health/postgresql}. PostgreSQL being away
 * degrades the service (the catalog still works) rather than taking it down, so it
 * reports {@code DEGRADED}, which maps to HTTP 200.
 */
@Component("postgresql")
class PostgresHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED");

    private final PostgresDatabase database;

    PostgresHealthIndicator(PostgresDatabase database) {
        this.database = database;
    }

    @Override
    public Health health() {
        if (!this.database.enabled()) {
            return Health.status(DEGRADED).withDetail("reason", "disabled (dualdb.postgres.enabled=false)").build();
        }
        try {
            String version = this.database
                .read((jdbc) -> jdbc.sql("SELECT current_setting('server_version')").query(String.class).single());
            return Health.up().withDetail("version", version).build();
        }
        catch (PostgresUnavailable ex) {
            return Health.status(DEGRADED).withDetail("reason", "unreachable; media is unavailable").build();
        }
    }

}
