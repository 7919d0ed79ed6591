package dev.dualdb.security.internal;

import java.time.Duration;

import dev.dualdb.system.DomainException;

/** The caller has used up a rate limit; the request may be retried after a while. */
public class RateLimited extends DomainException {

    private final Duration retryAfter;

    RateLimited(String what, Duration retryAfter) {
        super(Kind.TOO_MANY_REQUESTS, "rate-limited",
                "Too many " + what + "; try again in " + retryAfter.toSeconds() + " seconds");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return this.retryAfter;
    }

}
