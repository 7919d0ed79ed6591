package dev.dualdb.system;

import java.time.Duration;

/**
 * A store the request needs is disabled or unreachable; the client may retry after
 * {@link #retryAfter()}.
 */
public class StoreUnavailable extends DomainException {

    private final Duration retryAfter;

    public StoreUnavailable(String code, String message, Duration retryAfter, Throwable cause) {
        super(Kind.UNAVAILABLE, code, message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return this.retryAfter;
    }

}
