package dev.dualdb.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every response the API's browser headers ({@link BrowserPolicy}) before anything
 * else runs, so that every answer carries them: problems written by filters and by the
 * exception handler, preflight refusals, 404s of unknown routes. Media delivery replaces
 * the two that differ for media bytes. The values are constants: no per-request work
 * beyond four {@code setHeader} calls.
 * <p>
 * Spring Security's header writers set a header only when the response does not have it
 * yet, so with this filter ahead of the security chain its {@code nosniff} is not
 * repeated, and what it writes besides ({@code Cache-Control}, {@code X-Frame-Options})
 * stays its own.
 */
@Component
@Order(BrowserHeadersFilter.ORDER)
class BrowserHeadersFilter extends OncePerRequestFilter {

    /** First of all filters: the answers of those after it carry the headers. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BrowserPolicy.applyToApi(response);
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        // An error page follows a reset of the response, and is a problem whatever route
        // failed.
        BrowserPolicy.applyToApi(response);
        chain.doFilter(request, response);
    }

}
