package dev.dualdb.observability;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is well formed (a
 * load balancer's or a client's, so one id follows the request across services), else a
 * new one. The id is in the MDC under {@code requestId} for every log line written while
 * the request runs, and is echoed in the response. With
 * {@code logging.level.dev.dualdb.observability=debug} each request also writes one
 * access line.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";

    static final String MDC_KEY = "requestId";

    /**
     * Letters, digits and a few separators: enough for UUIDs and the ids of common load
     * balancers, and nothing that could forge a log line or a header.
     */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = requestId(request.getHeader(HEADER));
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        }
        finally {
            if (log.isDebugEnabled()) {
                log.debug("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            MDC.remove(MDC_KEY);
        }
    }

    static String requestId(String given) {
        if (given != null && WELL_FORMED.matcher(given).matches()) {
            return given;
        }
        return UUID.randomUUID().toString();
    }

}
