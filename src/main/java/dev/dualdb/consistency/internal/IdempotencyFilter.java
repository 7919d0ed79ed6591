package dev.dualdb.consistency.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import dev.dualdb.postgres.PostgresUnavailable;
import dev.dualdb.security.Caller;
import dev.dualdb.system.IdempotentRequest;
import dev.dualdb.system.Problems;

/**
 * Honours {@code Idempotency-Key} on every POST under {@code /api/}. The first request
 * with a key claims it in PostgreSQL and runs; its 2xx response is stored with a
 * fingerprint of the request. A retry with the same key and the same request gets the
 * stored response again ({@code Idempotent-Replayed: true}) and creates nothing; the same
 * key with a different request is a 422; a retry while the first is still running is a
 * 409. A request refused with a 4xx created nothing and releases its key; after a 5xx (or
 * a crash) something may have been created, so the key keeps the id reserved for it and
 * the retry finishes the first attempt. Keys live in PostgreSQL: while it is unavailable,
 * a request that carries a key is refused with 503 rather than risk a duplicate; requests
 * without a key are not affected.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    private static final Pattern VALID_KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;

    private final IdempotencyProperties properties;

    private final InFlightKeys inFlight;

    IdempotencyFilter(IdempotencyStore store, IdempotencyProperties properties, InFlightKeys inFlight) {
        this.inFlight = inFlight;
        this.store = store;
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/api/auth/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String sent = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(sent).matches()) {
            problem(response, 400, "invalid-idempotency-key",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters", null);
            return;
        }
        // Scoped to the caller: another user's key neither replays nor blocks.
        Caller caller = Caller.current();
        String key = (caller.isAnonymous() ? "anonymous" : caller.userId()) + " " + sent;
        String path = request.getRequestURI();
        try {
            Optional<UUID> token = this.store.claim(key, request.getMethod(), path, this.properties.retention(),
                    this.properties.inProgressTimeout());
            if (token.isPresent()) {
                runFirst(key, token.get(), request, response, chain);
            }
            else {
                answerRetry(key, request, response);
            }
        }
        catch (PostgresUnavailable ex) {
            if (!response.isCommitted()) {
                problem(response, 503, "idempotency-unavailable",
                        "Idempotency keys cannot be checked right now; retry later (or without the key)",
                        ex.retryAfter().toSeconds());
            }
        }
    }

    private void runFirst(String key, UUID token, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        RequestFingerprint fingerprint = fingerprint(request);
        FingerprintingRequest wrapped = new FingerprintingRequest(request, fingerprint);
        IdempotentRequest.Reservation reservation = () -> this.store.reserveId(key, token, new ObjectId());
        IdempotentRequest.bind(wrapped, reservation);
        ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        this.inFlight.started(key, token);
        try {
            chain.doFilter(wrapped, cached);
            int status = cached.getStatus();
            if (status >= 200 && status < 300
                    && cached.getContentSize() <= this.properties.maxResponseBytes().toBytes()) {
                wrapped.drain();
                this.store.complete(key, token, fingerprint.finish(), status, cached.getContentType(),
                        cached.getHeader(HttpHeaders.LOCATION), cached.getContentAsByteArray());
                stored = true;
            }
        }
        finally {
            this.inFlight.finished(key);
            if (!stored) {
                int status = cached.getStatus();
                if (status < 400 || status >= 500) {
                    // Something may have been created (a 5xx after a step, or a 2xx whose
                    // response could not be
                    // stored): keep the key and its reserved id, so the retry takes over
                    // at once and finds or
                    // finishes the first attempt instead of creating again.
                    retryable(key, token);
                }
                else {
                    release(key, token);
                }
            }
            cached.copyBodyToResponse();
        }
    }

    private void answerRetry(String key, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<IdempotencyStore.StoredKey> found = this.store.find(key);
        if (found.isEmpty() || !found.get().completed()) {
            problem(response, 409, "idempotency-key-in-use",
                    "A request with this Idempotency-Key is still being processed", 1L);
            return;
        }
        IdempotencyStore.StoredKey stored = found.get();
        if (!stored.method().equals(request.getMethod()) || !stored.path().equals(request.getRequestURI())) {
            problem(response, 422, "idempotency-key-reused", "This Idempotency-Key was used for a different request",
                    null);
            return;
        }
        RequestFingerprint fingerprint = fingerprint(request);
        FingerprintingRequest wrapped = new FingerprintingRequest(request, fingerprint);
        wrapped.drain();
        if (!fingerprint.finish().equals(stored.fingerprint())) {
            problem(response, 422, "idempotency-key-reused", "This Idempotency-Key was used for a different request",
                    null);
            return;
        }
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        byte[] body = (stored.body() == null) ? new byte[0] : stored.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void retryable(String key, UUID token) {
        try {
            this.store.markRetryable(key, token);
        }
        catch (RuntimeException ex) {
            log.warn("Could not mark idempotency key {} for retry: {}", key, ex.getMessage());
        }
    }

    private void release(String key, UUID token) {
        try {
            this.store.release(key, token);
        }
        catch (RuntimeException ex) {
            // The key stays "in progress"; after the in-progress timeout a retry takes it
            // over.
            log.warn("Could not release idempotency key {}: {}", key, ex.getMessage());
        }
    }

    private static RequestFingerprint fingerprint(HttpServletRequest request) {
        return new RequestFingerprint(request.getMethod(), request.getRequestURI(), request.getQueryString(),
                request.getContentType());
    }

    private void problem(HttpServletResponse response, int status, String code, String detail, Long retryAfter)
            throws IOException {
        if (retryAfter != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        }
        Problems.write(response, Problems.of(HttpStatusCode.valueOf(status), code, detail));
    }

}
