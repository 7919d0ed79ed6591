package dev.dualdb.observability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the service measures about itself.
 *
 * @param healthPollInterval how often PostgreSQL's health is looked at to measure the
 * time it has been unavailable (the {@code dualdb_postgres_*_seconds} metrics are as
 * precise as this)
 */
@ConfigurationProperties("dualdb.observability")
public record ObservabilityProperties(@DefaultValue("5s") Duration healthPollInterval) {
}
