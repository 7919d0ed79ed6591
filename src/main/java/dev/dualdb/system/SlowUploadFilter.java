package dev.dualdb.system;

import java.io.IOException;
import java.security.Principal;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps slow clients from taking every request thread: a multipart upload needs one of
 * {@link UploadSlots}' slots (none free: 503 {@code too-many-uploads} at once, without
 * reading the body), and every request body must keep arriving at
 * {@code dualdb.http.min-upload-rate} once {@code dualdb.http.upload-rate-grace} is over
 * (slower: 408 {@code upload-too-slow}). Either way Tomcat is told not to read the rest
 * of the body ({@link TomcatProblemReports#DROP_BODY}) and closes the connection, so the
 * thread is free as soon as the answer is written.
 * <p>
 * It runs after Spring Security's filter chain (order -100), so an upload refused for
 * want of a token never takes a slot, and the per-caller cap counts the uploads of the
 * authenticated user (the client address for a request without a token).
 */
@Component
@Order(SlowUploadFilter.AFTER_SECURITY)
class SlowUploadFilter extends OncePerRequestFilter {

    /** Just after Spring Security's filter chain, which Boot orders at -100. */
    static final int AFTER_SECURITY = -90;

    private final UploadSlots slots;

    private final long minRate;

    private final long graceNanos;

    SlowUploadFilter(UploadSlots slots, SlowClientProperties properties) {
        this.slots = slots;
        this.minRate = properties.minUploadRate().toBytes();
        this.graceNanos = properties.uploadRateGrace().toNanos();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getContentLengthLong() <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean upload = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        if (!upload) {
            pacedChain(request, response, chain);
            return;
        }
        Optional<UploadSlots.Slot> slot = this.slots.tryAcquire(callerOf(request));
        if (slot.isEmpty()) {
            request.setAttribute(TomcatProblemReports.DROP_BODY, Boolean.TRUE);
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            Problems.write(response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "too-many-uploads",
                    "As many uploads as this service reads at once are running; try again later"));
            return;
        }
        try (UploadSlots.Slot taken = slot.get()) {
            pacedChain(request, response, chain);
        }
    }

    private void pacedChain(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(paced(request), response);
        }
        catch (UploadTooSlow ex) {
            // Cut off while a filter, not a route, was reading the body: answered here.
            if (response.isCommitted()) {
                throw ex;
            }
            response.reset();
            Problems.write(response, Problems.of(HttpStatus.REQUEST_TIMEOUT, ex.code(), ex.getMessage()));
        }
    }

    /**
     * Who sends the request, for the per-caller cap: its network address until requests
     * carry an identity.
     * @param request the request
     * @return the caller's key
     */
    private static String callerOf(HttpServletRequest request) {
        Principal user = request.getUserPrincipal();
        return (user != null) ? "user:" + user.getName() : "address:" + request.getRemoteAddr();
    }

    private HttpServletRequest paced(HttpServletRequest request) {
        return (this.minRate <= 0) ? request : new Paced(request, this.minRate, this.graceNanos);
    }

    /** A request whose body is cut off when it arrives too slowly. */
    private static final class Paced extends HttpServletRequestWrapper {

        private final long minRate;

        private final long graceNanos;

        private final long started = System.nanoTime();

        private ServletInputStream stream;

        private long read;

        Paced(HttpServletRequest request, long minRate, long graceNanos) {
            super(request);
            this.minRate = minRate;
            this.graceNanos = graceNanos;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (this.stream == null) {
                this.stream = new WatchedInputStream(super.getInputStream(), (buffer, offset, length) -> {
                    this.read += length;
                    checkPace(this.read);
                });
            }
            return this.stream;
        }

        // Checked as each read returns: a client that sends nothing at all is ended by
        // Tomcat's read timeout (server.tomcat.connection-timeout) instead.
        private void checkPace(long read) {
            long elapsed = System.nanoTime() - this.started;
            if (elapsed <= this.graceNanos) {
                return;
            }
            long rate = (long) (read / (elapsed / 1e9));
            if (rate < this.minRate) {
                setAttribute(TomcatProblemReports.DROP_BODY, Boolean.TRUE);
                throw new UploadTooSlow(rate, this.minRate);
            }
        }

    }

}
