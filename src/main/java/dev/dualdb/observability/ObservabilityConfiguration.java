package dev.dualdb.observability;

import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;

/**
 * Measures degraded mode from the {@code postgresql} health indicator (the one behind
 * {@code /actuator/health/postgresql}), polled on the shared scheduler.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ObservabilityConfiguration.class);

    static final String POSTGRES_HEALTH = "postgresql";

    @Bean
    DegradedTime degradedTime(ObjectProvider<HealthContributorRegistry> health, MeterRegistry metrics) {
        DegradedTime degraded = new DegradedTime(() -> postgresIsUp(health.getIfAvailable()), Clock.systemUTC());
        degraded.bindTo(metrics);
        return degraded;
    }

    @Bean
    DegradedTimePolling degradedTimePolling(DegradedTime degraded, TaskScheduler scheduler,
            ObservabilityProperties properties) {
        return new DegradedTimePolling(degraded, scheduler, properties);
    }

    private static boolean postgresIsUp(HealthContributorRegistry registry) {
        if (registry == null) {
            return true;
        }
        HealthContributor contributor = registry.getContributor(POSTGRES_HEALTH);
        if (!(contributor instanceof HealthIndicator indicator)) {
            return true;
        }
        try {
            return Status.UP.equals(indicator.health().getStatus());
        }
        catch (RuntimeException ex) {
            log.debug("PostgreSQL health could not be read: {}", ex.getMessage());
            return false;
        }
    }

    /**
     * Starts polling once the service is ready, not while the context still starts.
     *
     * @param degraded what is polled
     * @param scheduler where it runs
     * @param properties how often
     */
    record DegradedTimePolling(DegradedTime degraded, TaskScheduler scheduler, ObservabilityProperties properties) {

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            this.scheduler.scheduleWithFixedDelay(this.degraded::poll, Instant.now(),
                    this.properties.healthPollInterval());
        }

    }

}
