package dev.dualdb.system;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way this service builds an RFC 9457 problem: a {@code type} under
 * {@code https://dualdb.dev/problems/}, the status's title, a {@code detail} and a stable
 * {@code code}. The exception handler answers with them; filters that answer before
 * Spring MVC (idempotency, body limits, malformed query strings, Tomcat's own rejections)
 * write them with {@link #write}.
 */
public final class Problems {

    /** The media type of every error response. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /**
     * A problem with its stable code.
     * @param status the HTTP status
     * @param code the stable code, such as {@code malformed-id}
     * @param detail what went wrong, for a person
     * @return the problem
     */
    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://dualdb.dev/problems/" + code));
        problem.setProperty("code", code);
        return problem;
    }

    /**
     * The code of a problem that has no more specific one: the status's name, such as
     * {@code method-not-allowed}.
     * @param status the HTTP status
     * @return the code
     */
    public static String codeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return (known != null) ? known.name().toLowerCase(Locale.ROOT).replace('_', '-') : "http-" + status.value();
    }

    /**
     * The problem as JSON, its properties ({@code code}, {@code errors} …) beside the
     * standard members, as the exception handler writes it.
     * @param problem the problem
     * @return the JSON text
     */
    public static String json(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return JSON.writeValueAsString(body);
    }

    /**
     * Answers with the problem (for a filter that answers before Spring MVC).
     * @param response the response, nothing written yet
     * @param problem the problem
     * @throws IOException if the client is gone
     */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json(problem).getBytes(StandardCharsets.UTF_8));
    }

}
