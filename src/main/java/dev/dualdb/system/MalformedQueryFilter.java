package dev.dualdb.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query string that cannot be parsed ({@code ?=x}, {@code ?a=%ZZ}, bytes that
 * are not UTF-8) with a 400 {@code malformed-query} on every route, before anything but
 * the browser headers, CORS and the traffic metrics. Tomcat parses parameters lazily and
 * throws when it first meets such a query, which would otherwise surface as a 500 from
 * whichever code asked first (or not at all on a route that reads no parameter). The
 * rules are Tomcat's: an empty name with a value, a broken percent escape, invalid UTF-8,
 * more than {@value #MAX_PARAMETERS} parameters.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class MalformedQueryFilter extends OncePerRequestFilter {

    /** Tomcat's default {@code maxParameterCount}. */
    static final int MAX_PARAMETERS = 1000;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = problemWith(request.getQueryString());
        if (problem != null) {
            ProblemDetail body = Problems.of(HttpStatus.BAD_REQUEST, "malformed-query",
                    "The query string cannot be parsed: " + problem);
            body.setInstance(URI.create(request.getRequestURI()));
            Problems.write(response, body);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * What is wrong with {@code query}, or {@code null} if it parses.
     * @param query the raw query string, possibly {@code null}
     * @return a short description of the problem, or {@code null}
     */
    static String problemWith(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        int parameters = 0;
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals == 0) {
                return "a parameter has a value but no name";
            }
            String name = (equals < 0) ? pair : pair.substring(0, equals);
            if (!decodes(name) || (equals > 0 && !decodes(pair.substring(equals + 1)))) {
                return "a parameter is not valid percent-encoded UTF-8";
            }
            parameters++;
            if (parameters > MAX_PARAMETERS) {
                return "more than " + MAX_PARAMETERS + " parameters";
            }
        }
        return null;
    }

    /**
     * Whether {@code text} percent-decodes to valid UTF-8.
     * @param text a parameter name or value, still percent-encoded
     * @return {@code true} if it decodes to valid UTF-8
     */
    private static boolean decodes(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return false;
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.write(high * 16 + low);
                i += 2;
            }
            else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        }
        catch (CharacterCodingException ex) {
            return false;
        }
    }

}
