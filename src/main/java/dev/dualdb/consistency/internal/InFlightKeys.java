package dev.dualdb.consistency.internal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.dualdb.postgres.PostgresUnavailable;

/**
 * The idempotency keys this instance is working on. Once a minute each is marked as still
 * running, so that a request longer than the in-progress timeout (a large upload) is not
 * taken over by a retry while it runs; only a request whose instance died stops being
 * marked.
 */
@Component
class InFlightKeys {

    private static final Logger log = LoggerFactory.getLogger(InFlightKeys.class);

    private final Map<String, UUID> running = new ConcurrentHashMap<>();

    private final IdempotencyStore store;

    InFlightKeys(IdempotencyStore store) {
        this.store = store;
    }

    void started(String key, UUID token) {
        this.running.put(key, token);
    }

    void finished(String key) {
        this.running.remove(key);
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void heartbeat() {
        this.running.forEach((key, token) -> {
            try {
                this.store.heartbeat(key, token);
            }
            catch (PostgresUnavailable ex) {
                log.debug("Idempotency heartbeat skipped: {}", ex.getMessage());
            }
        });
    }

}
