package dev.dualdb.system;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON bodies are read whole into memory by the JSON parser, so they are capped (1 MiB: a
 * product with 20 image URLs is a few KiB). Uploads ({@code multipart/form-data}) are
 * streamed and limited per file instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class JsonBodyLimitFilter extends OncePerRequestFilter {

    static final long LIMIT = 1024 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > LIMIT) {
            Problems.write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "request-too-large",
                    "Request bodies other than uploads are limited to " + LIMIT + " bytes"));
            return;
        }
        chain.doFilter(new Limited(request), response);
    }

    /**
     * Counts what is read of a body sent without a length (chunked) and stops at the
     * limit.
     */
    private static final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        private long read;

        Limited(HttpServletRequest request) {
            super(request);
        }

        private void count(int n) {
            this.read += n;
            if (this.read > LIMIT) {
                throw new RequestTooLarge(LIMIT);
            }
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (this.stream == null) {
                this.stream = new WatchedInputStream(super.getInputStream(), (buffer, offset, length) -> count(length));
            }
            return this.stream;
        }

    }

}
