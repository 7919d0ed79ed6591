package dev.dualdb.postgres;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The media store (PostgreSQL) switch and how the service behaves while it is away.
 *
 * @param enabled {@code false} runs without PostgreSQL at all (the original
 * {@code DB_ENABLED}): the catalog works, media is reported unavailable
 * @param retryAfter the {@code Retry-After} sent with a 503 when PostgreSQL is
 * unavailable
 * @param migrationRetry how often, at most, to try again to migrate the schema while
 * PostgreSQL is unreachable
 */
@ConfigurationProperties("dualdb.postgres")
public record PostgresProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("2s") Duration migrationRetry) {
}
