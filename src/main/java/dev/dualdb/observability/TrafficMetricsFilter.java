package dev.dualdb.observability;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Derives the service's own metrics from its HTTP traffic, so no feature has to count for
 * itself: uploads (multipart requests under {@code /api/}), deliveries (reads under
 * {@code /media/}), store errors (problems whose {@code code} names an unavailable store)
 * and idempotency replays and conflicts. Tags are the route template, the status and the
 * problem {@code code}: all bounded sets.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class TrafficMetricsFilter extends OncePerRequestFilter {

    static final String NONE = "none";

    /** Which store each "unavailable" problem code stands for. */
    private static final Map<String, String> STORE_OF_CODE = Map.of("catalog-unavailable", "mongodb",
            "media-store-unavailable", "postgresql", "idempotency-unavailable", "postgresql", "blob-store-unavailable",
            "blob");

    private static final Set<String> IDEMPOTENCY_CONFLICTS = Set.of("idempotency-key-in-use", "idempotency-key-reused");

    private static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";

    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";

    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,64}");

    private final MeterRegistry metrics;

    private final JsonMapper json;

    TrafficMetricsFilter(MeterRegistry metrics, JsonMapper json) {
        this.metrics = metrics;
        this.json = json;
        // Known series start at zero, so a rate() over them works before the first error.
        STORE_OF_CODE.forEach((code, store) -> storeErrors(store, code));
    }

    private Counter storeErrors(String store, String code) {
        return Counter.builder("dualdb.store.errors")
            .description("Requests refused because a store was unavailable")
            .tags("store", store, "code", code)
            .register(this.metrics);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean upload = isUpload(request);
        boolean delivery = isDelivery(request);
        CountingRequest counted = upload ? new CountingRequest(request) : null;
        MeteredResponse metered = new MeteredResponse(response);
        long started = System.nanoTime();
        boolean escaped = false;
        try {
            chain.doFilter((counted != null) ? counted : request, metered);
        }
        catch (IOException | ServletException | RuntimeException ex) {
            // The container turns it into a 500 after this filter has returned.
            escaped = true;
            throw ex;
        }
        finally {
            metered.finish();
            long elapsed = System.nanoTime() - started;
            int status = escaped ? 500 : metered.getStatus();
            String code = problemCode(metered);
            String route = route(request);
            if (upload) {
                uploaded(route, status, code, counted.bytes(), elapsed);
            }
            if (delivery) {
                delivered(route, status, metered.bytes() + sendfileBytes(request), elapsed);
            }
            String store = STORE_OF_CODE.get(code);
            if (store != null) {
                storeErrors(store, code).increment();
            }
            if (request.getHeader("Idempotency-Key") != null) {
                idempotency(code, metered);
            }
        }
    }

    private void uploaded(String route, int status, String code, long bytes, long elapsedNanos) {
        String outcome = outcome(status);
        this.metrics
            .counter("dualdb.uploads", "route", route, "status", Integer.toString(status), "outcome", outcome, "code",
                    code)
            .increment();
        Counter.builder("dualdb.upload.bytes")
            .description("Request bytes read from uploads")
            .baseUnit("bytes")
            .tags("route", route, "outcome", outcome)
            .register(this.metrics)
            .increment(bytes);
        Timer.builder("dualdb.upload.duration")
            .description("Time to take an upload, from the first byte to the answer")
            .tags("route", route, "outcome", outcome)
            .publishPercentileHistogram()
            .register(this.metrics)
            .record(Duration.ofNanos(elapsedNanos));
    }

    private void delivered(String route, int status, long bytes, long elapsedNanos) {
        String statusTag = Integer.toString(status);
        this.metrics.counter("dualdb.deliveries", "route", route, "status", statusTag).increment();
        Counter.builder("dualdb.delivery.bytes")
            .description("Response body bytes of media deliveries")
            .baseUnit("bytes")
            .tags("route", route, "status", statusTag)
            .register(this.metrics)
            .increment(bytes);
        Timer.builder("dualdb.delivery.duration")
            .description("Time to answer a media read (a file sent by sendfile leaves after it)")
            .tags("route", route, "outcome", outcome(status))
            .publishPercentileHistogram()
            .register(this.metrics)
            .record(Duration.ofNanos(elapsedNanos));
    }

    /**
     * Replays and conflicts are answered before any route is chosen, so they are not
     * tagged by route (the raw path would carry ids).
     * @param code the problem's code, or {@code null}
     * @param response the answered response
     */
    private void idempotency(String code, MeteredResponse response) {
        if ("true".equals(response.getHeader("Idempotent-Replayed"))) {
            this.metrics.counter("dualdb.idempotency.replays").increment();
        }
        else if (IDEMPOTENCY_CONFLICTS.contains(code)) {
            this.metrics.counter("dualdb.idempotency.conflicts", "code", code).increment();
        }
    }

    /**
     * A local file is handed to Tomcat to send by sendfile once the chain has returned:
     * its bytes never pass through the response stream, the request says how many there
     * will be.
     * @param request the request, after the chain
     * @return the bytes Tomcat will send by sendfile, or 0
     */
    private static long sendfileBytes(HttpServletRequest request) {
        if (request.getAttribute(SENDFILE_FILENAME) == null
                || !(request.getAttribute(SENDFILE_START) instanceof Long start)
                || !(request.getAttribute(SENDFILE_END) instanceof Long end)) {
            return 0;
        }
        return end - start;
    }

    private static boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return !"GET".equals(request.getMethod()) && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                && request.getRequestURI().startsWith("/api/");
    }

    private static boolean isDelivery(HttpServletRequest request) {
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method)) && request.getRequestURI().startsWith("/media/");
    }

    /**
     * The route template ({@code /api/products/{id}/images}), never the raw path, so ids
     * do not multiply the series; requests answered before any route was chosen (by a
     * filter) are {@code unmatched}.
     * @param request the request, after the chain
     * @return the route template, or {@code unmatched}
     */
    private static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return (pattern != null) ? pattern.toString() : "unmatched";
    }

    private static String outcome(int status) {
        if (status >= 500) {
            return "failed";
        }
        return (status >= 400) ? "rejected" : "success";
    }

    private String problemCode(MeteredResponse response) {
        byte[] body = response.problemBody();
        if (body == null || body.length == 0) {
            return NONE;
        }
        try {
            String code = this.json.readTree(body).path("code").asString("");
            return CODE.matcher(code).matches() ? code : "other";
        }
        catch (RuntimeException ex) {
            // Cut at the capture limit, or not JSON after all: the status still tells.
            return "other";
        }
    }

}
