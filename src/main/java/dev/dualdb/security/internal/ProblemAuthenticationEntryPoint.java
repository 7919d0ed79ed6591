package dev.dualdb.security.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

import dev.dualdb.system.Problems;
import dev.dualdb.system.TomcatProblemReports;

/**
 * Answers a request without a valid token where one is needed: {@code 401} with the
 * {@code WWW-Authenticate} challenge of RFC 6750 and a problem body
 * ({@code unauthenticated} without a token, {@code invalid-token} with a bad one).
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        // A refused request's body is not read (an upload refused before its first byte
        // would otherwise be read to the end, holding a thread): the connection closes.
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            request.setAttribute(TomcatProblemReports.DROP_BODY, Boolean.TRUE);
        }
        this.challenge.commence(request, response, exception);
        boolean badToken = exception instanceof InvalidBearerTokenException
                || request.getHeader("Authorization") != null;
        Problems.write(response, badToken
                ? Problems.of(HttpStatus.UNAUTHORIZED, "invalid-token",
                        "The bearer token is not valid: it may be expired, tampered with or from another issuer")
                : Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "This needs a bearer token: log in first"));
    }

}
