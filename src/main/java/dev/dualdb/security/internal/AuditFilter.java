package dev.dualdb.security.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import dev.dualdb.security.Caller;

/**
 * Records every write (POST, PUT, PATCH, DELETE) by an admin or an instructor in the
 * audit trail once its status is known, refused ones included. It runs in the security
 * chain right after the bearer token is read, around everything else; recording only
 * queues the event ({@link AuditTrail}).
 */
class AuditFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditTrail trail;

    AuditFilter(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = Caller.current();
        if (!WRITES.contains(request.getMethod()) || !(caller.isAdmin() || caller.hasRole(Caller.INSTRUCTOR))) {
            chain.doFilter(request, response);
            return;
        }
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        }
        finally {
            this.trail.record(new AuditEvent(Instant.now(), caller.userId(), AuditEvent.WRITE, request.getMethod(),
                    route(request), ids(request), status, request.getRemoteAddr(), null));
        }
    }

    private static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = (pattern != null) ? pattern.toString()
                : request.getRequestURI().substring(request.getContextPath().length());
        return (route.length() > 500) ? route.substring(0, 500) : route;
    }

    private static String ids(HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
                || variables.isEmpty()) {
            return null;
        }
        String ids = variables.entrySet()
            .stream()
            .map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .sorted()
            .collect(Collectors.joining("&"));
        return (ids.length() > 1000) ? ids.substring(0, 1000) : ids;
    }

    private static String encode(Object value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }

}
