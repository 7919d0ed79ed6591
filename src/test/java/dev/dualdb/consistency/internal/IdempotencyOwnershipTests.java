package dev.dualdb.consistency.internal;

import java.time.Duration;
import java.util.UUID;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.dualdb.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A request whose key was taken over (it ran past the in-progress timeout) can no longer
 * touch that key.
 */
class IdempotencyOwnershipTests extends ApiTest {

    @Autowired
    IdempotencyStore store;

    @Test
    void aTakenOverKeyBelongsToTheRetryAlone() {
        String key = "ownership-" + UUID.randomUUID();
        UUID first = this.store.claim(key, "POST", "/api/products", Duration.ofHours(24), Duration.ofMinutes(15))
            .orElseThrow();
        ObjectId reserved = this.store.reserveId(key, first, new ObjectId());
        assertThat(this.store.claim(key, "POST", "/api/products", Duration.ofHours(24), Duration.ofMinutes(15)))
            .as("a running request keeps its key")
            .isEmpty();
        // The first request stalls past the timeout (no heartbeat): a retry takes the key
        // over.
        jdbc.sql("UPDATE idempotency_keys SET updated_at = now() - interval '1 hour' WHERE idempotency_key = ?")
            .param(key)
            .update();
        UUID second = this.store.claim(key, "POST", "/api/products", Duration.ofHours(24), Duration.ofMinutes(15))
            .orElseThrow();

        this.store.release(key, first);
        this.store.complete(key, first, "0".repeat(64), 201, "application/json", null, new byte[0]);
        assertThatThrownBy(() -> this.store.reserveId(key, first, new ObjectId()))
            .isInstanceOf(IdempotencyKeyLost.class);

        assertThat(
                count("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ? AND state = 'IN_PROGRESS'", key))
            .as("the first request neither released nor completed it")
            .isEqualTo(1);
        assertThat(this.store.reserveId(key, second, new ObjectId())).as("the retry finishes the first attempt")
            .isEqualTo(reserved);
    }

    @Test
    void aHeartbeatKeepsALongRequestFromBeingTakenOver() {
        String key = "heartbeat-" + UUID.randomUUID();
        UUID token = this.store.claim(key, "POST", "/api/media", Duration.ofHours(24), Duration.ofMinutes(15))
            .orElseThrow();
        jdbc.sql("UPDATE idempotency_keys SET updated_at = now() - interval '1 hour' WHERE idempotency_key = ?")
            .param(key)
            .update();

        this.store.heartbeat(key, token);

        assertThat(this.store.claim(key, "POST", "/api/media", Duration.ofHours(24), Duration.ofMinutes(15))).isEmpty();
    }

}
