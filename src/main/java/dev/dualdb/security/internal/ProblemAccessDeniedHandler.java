package dev.dualdb.security.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import dev.dualdb.system.Problems;
import dev.dualdb.system.TomcatProblemReports;

/**
 * Answers a caller with a valid token whose roles do not allow the route: {@code 403}.
 */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        // A refused request's body is not read (an upload refused before its first byte
        // would otherwise be read to the end, holding a thread): the connection closes.
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            request.setAttribute(TomcatProblemReports.DROP_BODY, Boolean.TRUE);
        }
        Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this"));
    }

}
