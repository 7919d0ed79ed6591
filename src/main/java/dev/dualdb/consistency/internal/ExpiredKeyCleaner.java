package dev.dualdb.consistency.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.dualdb.postgres.PostgresUnavailable;

/** Forgets idempotency keys past their retention, hourly. */
@Component
class ExpiredKeyCleaner {

    private static final Logger log = LoggerFactory.getLogger(ExpiredKeyCleaner.class);

    private final IdempotencyStore store;

    ExpiredKeyCleaner(IdempotencyStore store) {
        this.store = store;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void clean() {
        try {
            int removed = this.store.deleteExpired();
            if (removed > 0) {
                log.info("Forgot {} expired idempotency keys", removed);
            }
        }
        catch (PostgresUnavailable ex) {
            log.debug("Expired idempotency keys not cleaned, PostgreSQL unavailable");
        }
    }

}
