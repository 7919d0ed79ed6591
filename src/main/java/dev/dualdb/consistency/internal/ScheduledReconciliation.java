package dev.dualdb.consistency.internal;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import dev.dualdb.consistency.ReconcilerProperties;
import dev.dualdb.postgres.PostgresUnavailable;

/**
 * Runs the reconciler every {@code dualdb.reconciler.interval} (a sampled audit; repairs
 * what is safe).
 */
@Component
class ScheduledReconciliation {

    private static final Logger log = LoggerFactory.getLogger(ScheduledReconciliation.class);

    private final ReconcilerRun run;

    private final ReconcilerProperties properties;

    private final TaskScheduler scheduler;

    ScheduledReconciliation(ReconcilerRun run, ReconcilerProperties properties, TaskScheduler scheduler) {
        this.run = run;
        this.properties = properties;
        this.scheduler = scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        if (this.properties.scheduled()) {
            this.scheduler.scheduleWithFixedDelay(this::runOnce, Instant.now().plus(this.properties.initialDelay()),
                    this.properties.interval());
        }
    }

    private void runOnce() {
        try {
            if (this.run.run(false, false, (line) -> log.debug(line)).isEmpty()) {
                log.debug("Another instance is reconciling; skipped");
            }
        }
        catch (PostgresUnavailable ex) {
            log.info("Reconciliation skipped: {}", ex.getMessage());
        }
        catch (RuntimeException ex) {
            log.error("Reconciliation failed", ex);
        }
    }

}
