package dev.dualdb.system;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS checks, with a refusal answered as a problem
 * ({@code 403 cross-origin-refused}) rather than the plain text
 * {@code Invalid CORS request}, and a preflight asking for any header that is not allowed
 * refused as a whole (Spring would allow the others and leave the browser to fail).
 */
class ProblemCorsProcessor extends DefaultCorsProcessor {

    static final String CODE = "cross-origin-refused";

    @Override
    protected List<String> checkHeaders(CorsConfiguration config, List<String> requestHeaders) {
        List<String> allowed = super.checkHeaders(config, requestHeaders);
        long asked = requestHeaders.stream().filter(StringUtils::hasText).count();
        return (allowed != null && allowed.size() < asked) ? null : allowed;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        if (response instanceof ServletServerHttpResponse servlet) {
            Problems.write(servlet.getServletResponse(), Problems.of(HttpStatus.FORBIDDEN, CODE,
                    "This origin, or the method or headers it asked for, may not be used across origins here"));
            servlet.getServletResponse().flushBuffer();
        }
        else {
            super.rejectRequest(response);
        }
    }

}
