package dev.dualdb.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live OpenAPI document as a checker of HTTP exchanges: loaded once per test JVM from
 * the first service asked ({@code /v3/api-docs}; every service of the tests serves the
 * same document), it checks each request a test sends and each answer it gets, and fails
 * the test with what differs. Routes outside the API (the document itself, Swagger UI and
 * the Actuator endpoints other than health, which is documented) are not checked; an
 * answer to a route or method the document does not have must still be a problem.
 */
public final class ApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<String> OUTSIDE_THE_API = List.of("/v3/api-docs", "/swagger-ui", "/actuator/");

    private static final String HEALTH = "/actuator/health";

    private static final AtomicLong requests = new AtomicLong();

    private static final AtomicLong responses = new AtomicLong();

    private static final AtomicLong malformedRequests = new AtomicLong();

    private static volatile OpenApiInteractionValidator validator;

    private static volatile String document;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ApiContract::writeSummary));
    }

    private ApiContract() {
    }

    /** The document as the first service served it (loading it if needed). */
    public static String document(String base) {
        validator(base);
        return document;
    }

    /** Whether {@code path} is outside the checked API. */
    static boolean outsideTheApi(String path) {
        if (path.equals(HEALTH) || path.startsWith(HEALTH + "?")) {
            return false;
        }
        return OUTSIDE_THE_API.stream().anyMatch(path::startsWith);
    }

    /**
     * Checks a request before it is sent.
     * @throws AssertionError with every difference
     */
    static void checkRequest(String base, Exchange exchange) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.path());
        exchange.requestHeaders().forEach(request::withHeader);
        queryParameters(exchange.query()).forEach(request::withQueryParam);
        if (exchange.requestBody() != null) {
            request.withBody(exchange.requestBody());
        }
        ValidationReport report = validator(base).validateRequest(request.build());
        if (report.hasErrors()) {
            throw new AssertionError("The request does not match /v3/api-docs: " + exchange.method() + " "
                    + exchange.target() + errors(report) + "\n  request body: " + abbreviated(exchange.requestText())
                    + "\n(If this request is invalid on purpose, send it through api.malformed().)");
        }
        requests.incrementAndGet();
    }

    /** Counts a request sent invalid on purpose (its answer is still checked). */
    static void countMalformed() {
        malformedRequests.incrementAndGet();
    }

    /**
     * Checks an answer against the operation of its request, or, for a route or method
     * the document does not have, that it is a problem.
     * @throws AssertionError with every difference
     */
    static void checkResponse(String base, Exchange exchange, ApiClient.Response answer) {
        OpenApiInteractionValidator contract = validator(base);
        SimpleResponse.Builder response = new SimpleResponse.Builder(answer.status());
        answer.headers().forEach((name, values) -> {
            if (name != null && !name.startsWith(":")) {
                response.withHeader(name, values);
            }
        });
        if (answer.bytes() != null && answer.bytes().length > 0 && isText(answer.contentType())) {
            response.withBody(answer.body());
        }
        else if (answer.bytes() != null && answer.bytes().length > 0) {
            response.withBody(answer.bytes());
        }
        if (answer.status() == 500 || answer.status() == 405) {
            // A 500 is never documented: a bug, or a fault a test injected on purpose.
            // A 405 answers a method the path does not have, so there is no operation to
            // check it against (the validator would take /sections/order for
            // /sections/{sectionId}). Both must still be problems.
            checkProblem(exchange, answer);
            responses.incrementAndGet();
            return;
        }
        Request.Method method = Request.Method.valueOf(exchange.method().toUpperCase(Locale.ROOT));
        ValidationReport report = contract.validateResponse(exchange.path(), method, response.build());
        boolean undocumented = report.getMessages()
            .stream()
            .anyMatch((message) -> message.getKey().equals("validation.request.path.missing")
                    || message.getKey().equals("validation.request.operation.notAllowed"));
        if (undocumented) {
            checkProblem(exchange, answer);
        }
        else if (report.hasErrors()) {
            throw new AssertionError("The answer does not match /v3/api-docs: " + exchange.method() + " "
                    + exchange.target() + " -> " + answer.status() + " " + answer.contentType() + errors(report)
                    + "\n  response body: " + abbreviated(answer.body()));
        }
        responses.incrementAndGet();
    }

    /** An answer to a route or method the document does not have is still a problem. */
    private static void checkProblem(Exchange exchange, ApiClient.Response answer) {
        String where = exchange.method() + " " + exchange.target() + " -> " + answer;
        if (answer.status() < 400 || answer.status() > 500) {
            throw new AssertionError("Not in /v3/api-docs, yet answered " + answer.status() + ": " + where);
        }
        if (!exchange.method().equals("HEAD")) {
            JsonNode problem = answer.json();
            if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")
                    || !problem.path("code").isString() || problem.path("status").asInt() != answer.status()) {
                throw new AssertionError("Not in /v3/api-docs, and not a problem with a code: " + where);
            }
        }
    }

    private static boolean isText(String contentType) {
        return contentType != null && (contentType.contains("json") || contentType.startsWith("text/"));
    }

    private static OpenApiInteractionValidator validator(String base) {
        if (validator == null) {
            synchronized (ApiContract.class) {
                if (validator == null) {
                    document = fetch(base + "/v3/api-docs");
                    validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
                }
            }
        }
        return validator;
    }

    private static String fetch(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(180)).build(),
                        HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
            }
            JSON.readTree(response.body());
            return response.body();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static Map<String, List<String>> queryParameters(String query) {
        if (query == null || query.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(query.split("&"))
            .filter((pair) -> !pair.isEmpty())
            .map((pair) -> pair.split("=", 2))
            .collect(Collectors.groupingBy((pair) -> decode(pair[0]), LinkedHashMap::new,
                    Collectors.mapping((pair) -> (pair.length > 1) ? decode(pair[1]) : "", Collectors.toList())));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String errors(ValidationReport report) {
        return report.getMessages()
            .stream()
            .filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
            .map((message) -> "\n  - " + message.getKey() + ": " + message.getMessage()
                    + message.getNestedMessages()
                        .stream()
                        .map((nested) -> "\n      " + nested.getMessage())
                        .collect(Collectors.joining()))
            .collect(Collectors.joining());
    }

    private static String abbreviated(String text) {
        if (text == null) {
            return "(none)";
        }
        return (text.length() > 2000) ? text.substring(0, 2000) + "…" : text;
    }

    private static void writeSummary() {
        String summary = "API contract: " + requests.get() + " requests and " + responses.get()
                + " answers checked against /v3/api-docs; " + malformedRequests.get()
                + " requests sent invalid on purpose (answers checked)";
        System.out.println(summary);
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("api-contract-summary.txt"), summary + "\n");
            }
        }
        catch (IOException ex) {
            // A summary is a convenience; the checks themselves already ran.
        }
    }

    /** One request as the contract sees it. */
    record Exchange(String method, String target, Map<String, String> requestHeaders, byte[] requestBody,
            String requestText) {

        String path() {
            int query = this.target.indexOf('?');
            return (query < 0) ? this.target : this.target.substring(0, query);
        }

        String query() {
            int query = this.target.indexOf('?');
            return (query < 0) ? null : this.target.substring(query + 1);
        }

    }

}
