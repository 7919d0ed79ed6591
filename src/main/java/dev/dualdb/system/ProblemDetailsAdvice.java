package dev.dualdb.system;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import jakarta.validation.ConstraintViolationException;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into an RFC 9457 problem with a stable {@code code}. Bad input is a
 * 4xx with the reason; an unexpected failure is a 500 that says nothing of the internals
 * (the stack trace goes to the log only).
 */
@RestControllerAdvice
class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final Duration DEFAULT_RETRY = Duration.ofSeconds(5);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case PAYMENT_REQUIRED -> HttpStatus.PAYMENT_REQUIRED;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case TIMEOUT -> HttpStatus.REQUEST_TIMEOUT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        var response = ResponseEntity.status(status);
        if (e instanceof StoreUnavailable unavailable) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(unavailable.retryAfter().toSeconds()));
            log.warn("{}: {}", e.code(), e.getMessage());
        }
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.body(problem(status, e.code(), e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        return invalidFields(e.getBindingResult()
            .getFieldErrors()
            .stream()
            .sorted(Comparator.comparing(FieldError::getField))
            .map((error) -> fieldError(error.getField(), error.getDefaultMessage()))
            .toList());
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        return invalidFields(e.getParameterValidationResults()
            .stream()
            .flatMap((result) -> result.getResolvableErrors()
                .stream()
                .map((error) -> fieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
            .toList());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        return invalidFields(e.getConstraintViolations()
            .stream()
            .map((violation) -> fieldError(violation.getPropertyPath().toString(), violation.getMessage()))
            .toList());
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", String.valueOf(field), "message", String.valueOf(message));
    }

    /**
     * A 400 {@code validation-failed} listing every bad field with its message.
     * @param errors each bad field with its message
     * @return the 400 response
     */
    private static ResponseEntity<ProblemDetail> invalidFields(List<Map<String, String>> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "The request has invalid fields");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> malformedParameter(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        boolean isId = type == ObjectId.class || type == UUID.class;
        return ResponseEntity.badRequest()
            .body(problem(HttpStatus.BAD_REQUEST, isId ? "malformed-id" : "invalid-parameter",
                    "'" + e.getName() + "' is not a valid " + expected(type)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest()
            .body(problem(HttpStatus.BAD_REQUEST, "missing-parameter",
                    "The query parameter '" + e.getParameterName() + "' is required"));
    }

    /**
     * A body that is not JSON of the operation's shape: {@code unknown-property} when it
     * has a property the operation does not know, {@code malformed-body} otherwise; both
     * name the field in {@code errors} when it is known.
     * @param e why the body could not be read
     * @return the 400 response
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable failure = e.getCause(); failure != null; failure = failure.getCause()) {
            if (failure instanceof DomainException domain) {
                // Cut off while it was read (too large, too slow): answered as what it
                // is.
                return domain(domain);
            }
        }
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = JsonFields.path(unknown);
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unknown-property",
                    "The request body has a property this operation does not know: '" + field + "'");
            problem.setProperty("errors", List.of(fieldError(field, "is not a known property")));
            return ResponseEntity.badRequest().body(problem);
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-body",
                "The request body is not valid JSON for this operation");
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = JsonFields.path(mismatch);
            String message = JsonFields.expected(mismatch.getTargetType());
            problem.setDetail("The request body is not valid JSON for this operation: '" + field + "' " + message);
            problem.setProperty("errors", List.of(fieldError(field, message)));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
            .body(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Content type '"
                    + e.getContentType() + "' is not supported here; use " + e.getSupportedMediaTypes()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noRoute(NoResourceFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
            .body(problem(HttpStatus.NOT_FOUND, "no-such-route", "No route for /" + e.getResourcePath()));
    }

    /**
     * Spring's own web errors (method not allowed, missing parameter, …) keep their
     * status, gain a code.
     * @param error the error Spring raised, with its status and headers
     * @return the response with Spring's status and a {@code code}
     */
    private static ResponseEntity<ProblemDetail> springWebError(ErrorResponse error) {
        HttpStatusCode status = error.getStatusCode();
        ProblemDetail problem = error.getBody();
        String code = codeOf(status);
        problem.setType(URI.create("https://dualdb.dev/problems/" + code));
        problem.setProperty("code", code);
        return ResponseEntity.status(status).headers(error.getHeaders()).body(problem);
    }

    /**
     * A MongoDB that cannot be reached: the catalog is required, so the request cannot be
     * served.
     * @param e the failure to reach MongoDB
     * @return the 503 response, with {@code Retry-After}
     */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<ProblemDetail> storeDown(DataAccessResourceFailureException e) {
        log.warn("Store unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, Long.toString(DEFAULT_RETRY.toSeconds()))
            .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "catalog-unavailable",
                    "The catalog database cannot be reached; try again later"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse error) {
            return springWebError(error);
        }
        if (isMongoConnectionFailure(e)) {
            return storeDown(new DataAccessResourceFailureException(e.getMessage(), e));
        }
        log.error("Unexpected failure", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
            .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                    "Something went wrong on our side; it has been logged"));
    }

    /**
     * The MongoDB driver reports a server that went away in more than one way (a paused
     * connection pool, a socket error, a timeout), not all of which Spring translates to
     * a resource failure.
     * @param e the failure to look at, with its causes
     * @return {@code true} if it or one of its causes says the server could not be
     * reached
     */
    private static boolean isMongoConnectionFailure(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoConnectionPoolClearedException) {
                return true;
            }
        }
        return false;
    }

    static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        return Problems.of(status, code, detail);
    }

    private static String codeOf(HttpStatusCode status) {
        return Problems.codeOf(status);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "ObjectId" -> "id (24 hexadecimal characters)";
            case "UUID" -> "UUID";
            case "int", "Integer", "long", "Long" -> "whole number";
            default -> type.isEnum() ? "value; expected one of " + Arrays.toString(type.getEnumConstants())
                    : type.getSimpleName();
        };
    }

}
