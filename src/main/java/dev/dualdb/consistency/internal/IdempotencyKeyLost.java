package dev.dualdb.consistency.internal;

import dev.dualdb.system.DomainException;

/**
 * This request's idempotency key was taken over by a retry (it ran past the in-progress
 * timeout).
 */
class IdempotencyKeyLost extends DomainException {

    IdempotencyKeyLost() {
        super(Kind.CONFLICT, "idempotency-key-in-use",
                "A retry with this Idempotency-Key has taken over; this request stops here");
    }

}
