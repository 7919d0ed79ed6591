package dev.dualdb.security.internal;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.dualdb.security.Caller;
import dev.dualdb.system.Problems;
import dev.dualdb.system.WatchedInputStream;

/**
 * Applies the abuse limits of a request before its body is read: it runs in the security
 * chain after authorization (so the caller is known and a refused request costs nothing),
 * before Spring MVC parses anything. Logins and registrations count per client address
 * ({@code getRemoteAddr()}, which honours {@code X-Forwarded-For} only with
 * {@code server.forward-headers-strategy=native}); uploads (multipart POST or PUT) count
 * per user, by request and by declared {@code Content-Length}. A chunked upload is let in
 * while the byte bucket is not empty, and charged with what was read once it is done.
 */
class AbuseLimitFilter extends OncePerRequestFilter {

    private final AbuseLimits limits;

    AbuseLimitFilter(AbuseLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        boolean post = "POST".equals(method);
        Caller caller = Caller.current();
        CountingRequest counted = null;
        try {
            if (post && "/api/auth/login".equals(path)) {
                this.limits.checkLoginFrom(request.getRemoteAddr());
            }
            else if (post && "/api/auth/register".equals(path)) {
                this.limits.checkRegistrationFrom(request.getRemoteAddr());
            }
            else if ((post || "PUT".equals(method)) && isMultipart(request)) {
                long length = request.getContentLengthLong();
                this.limits.checkQuota(caller, length);
                this.limits.checkUpload(caller, length);
                if (length < 0) {
                    counted = new CountingRequest(request);
                }
            }
        }
        catch (RateLimited ex) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()));
            Problems.write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, ex.code(), ex.getMessage()));
            return;
        }
        catch (QuotaExceeded ex) {
            // The body is never read: nothing of it reaches the temp directory or the
            // store.
            response.setHeader(HttpHeaders.CONNECTION, "close");
            Problems.write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, ex.code(), ex.getMessage()));
            return;
        }
        if (counted == null) {
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(counted, response);
        }
        finally {
            this.limits.chargeChunkedUpload(caller, counted.bytesRead());
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** A request whose body bytes are counted as they are read. */
    private static final class CountingRequest extends HttpServletRequestWrapper {

        private long bytes;

        private ServletInputStream stream;

        CountingRequest(HttpServletRequest request) {
            super(request);
        }

        long bytesRead() {
            return this.bytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (this.stream == null) {
                this.stream = new WatchedInputStream(super.getInputStream(),
                        (buffer, offset, length) -> this.bytes += length);
            }
            return this.stream;
        }

    }

}
