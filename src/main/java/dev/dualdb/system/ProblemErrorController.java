package dev.dualdb.system;

import java.net.URI;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the errors that the servlet container sends itself, through its error page,
 * before any route runs (a {@code TRACE} request refused by Tomcat, say), with a problem
 * like every other error, in place of Spring Boot's own JSON error body.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly, not as an error page: there is no such route.
        HttpStatusCode status = (code instanceof Integer value) ? HttpStatusCode.valueOf(value) : HttpStatus.NOT_FOUND;
        ProblemDetail problem;
        if (code == null) {
            problem = Problems.of(status, "no-such-route", "No route for " + request.getRequestURI());
        }
        else if (status.is5xxServerError()) {
            problem = Problems.of(status, "internal-error", "Something went wrong on our side; it has been logged");
        }
        else {
            problem = Problems.of(status, Problems.codeOf(status),
                    "The request was refused by the server before it reached a route");
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && !path.isEmpty()) {
            try {
                problem.setInstance(URI.create(path));
            }
            catch (IllegalArgumentException ex) {
                // Not a URI: the problem goes without an instance.
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

}
