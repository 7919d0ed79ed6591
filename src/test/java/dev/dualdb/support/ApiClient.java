package dev.dualdb.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real-HTTP client for the tests: JSON in, status + headers + JSON out. Every
 * request is checked against the live OpenAPI document before it is sent, and every
 * answer after it arrives ({@link ApiContract}); a request a test makes invalid on
 * purpose goes through {@link #malformed()}, which skips the request check only.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;

    private final String base;

    private final boolean malformed;

    private final String token;

    public ApiClient(int port) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), "http://127.0.0.1:" + port, false,
                null);
    }

    private ApiClient(HttpClient http, String base, boolean malformed, String token) {
        this.http = http;
        this.base = base;
        this.malformed = malformed;
        this.token = token;
    }

    /**
     * The same client, sending {@code Authorization: Bearer token} with every request
     * that does not set its own {@code Authorization}.
     * @param token the access token, or {@code null} for an anonymous client
     * @return the client
     */
    public ApiClient withToken(String token) {
        return new ApiClient(this.http, this.base, this.malformed, token);
    }

    /**
     * The same client without a token (an anonymous caller).
     * @return the client
     */
    public ApiClient anonymous() {
        return withToken(null);
    }

    /**
     * The access token this client sends.
     * @return the token, or {@code null}
     */
    public String token() {
        return this.token;
    }

    /**
     * The same client for requests that are invalid on purpose (a wrong type, a missing
     * field, a malformed id or query): the request is not checked against the document,
     * the answer still is.
     */
    public ApiClient malformed() {
        return new ApiClient(this.http, this.base, true, this.token);
    }

    /** The live OpenAPI document, as loaded for the checks. */
    public String openApiDocument() {
        return ApiContract.document(this.base);
    }

    public Response get(String path) {
        return send("GET", path, Map.of(), null, false);
    }

    public Response delete(String path) {
        return send("DELETE", path, Map.of(), null, false);
    }

    /** POSTs without a body (counters, the reconciler). */
    public Response post(String path) {
        return send("POST", path, Map.of(), null, false);
    }

    public Response post(String path, Object body) {
        return sendJson("POST", path, body);
    }

    public Response patch(String path, Object body) {
        return sendJson("PATCH", path, body);
    }

    public Response put(String path, Object body) {
        return sendJson("PUT", path, body);
    }

    /** POSTs {@code body} as JSON with extra headers (name, value, name, value, …). */
    public Response postWithHeaders(String path, Object body, String... headers) {
        Map<String, String> all = headers(headers);
        all.put("Content-Type", "application/json");
        return send("POST", path, all, json(body).getBytes(StandardCharsets.UTF_8), false);
    }

    /** POSTs a multipart form, with extra headers (name, value, …). */
    public Response multipart(String path, Multipart form, String... headers) {
        Map<String, String> all = headers(headers);
        all.put("Content-Type", form.contentType());
        return send("POST", path, all, form.bytes(), true);
    }

    /**
     * Sends any request: {@code body} as-is (or none when {@code null}), with headers
     * (name, value, …).
     */
    public Response request(String method, String path, byte[] body, String... headers) {
        return send(method, path, headers(headers), body, false);
    }

    /** GETs (or HEADs) raw bytes, with extra headers (name, value, …). */
    public Response fetch(String method, String path, String... headers) {
        return send(method, path, headers(headers), null, true);
    }

    /**
     * Sends {@code body} as-is with the given content type (for malformed and wrong-type
     * requests).
     */
    public Response raw(String method, String path, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return send(method, path, headers, body.getBytes(StandardCharsets.UTF_8), false);
    }

    private Response sendJson(String method, String path, Object body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        return send(method, path, headers, json(body).getBytes(StandardCharsets.UTF_8), false);
    }

    private static String json(Object body) {
        return (body instanceof String text) ? text : JSON.writeValueAsString(body);
    }

    private static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    private Response send(String method, String path, Map<String, String> given, byte[] body, boolean binary) {
        Map<String, String> headers = new LinkedHashMap<>(given);
        if (this.token != null && headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
            headers.put("Authorization", "Bearer " + this.token);
        }
        boolean checked = !ApiContract.outsideTheApi(path);
        ApiContract.Exchange exchange = new ApiContract.Exchange(method, path, headers, body, (body != null)
                ? new String(body, binary ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8) : null);
        if (checked && !this.malformed) {
            ApiContract.checkRequest(this.base, exchange);
        }
        else if (checked) {
            ApiContract.countMalformed();
        }
        Response response;
        if (isUri(this.base + path)) {
            response = exchange(this.http, request(method, path, headers, body, binary), binary);
        }
        else {
            // Not a URI (a malformed escape in the query): HttpClient will not send it.
            response = RawHttp.send(this.base, method, path, headers, body);
        }
        if (checked) {
            ApiContract.checkResponse(this.base, exchange, response);
        }
        return response;
    }

    private static boolean isUri(String text) {
        try {
            new URI(text);
            return true;
        }
        catch (URISyntaxException ex) {
            return false;
        }
    }

    private HttpRequest request(String method, String path, Map<String, String> headers, byte[] body, boolean binary) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
            .timeout(Duration.ofSeconds(binary ? 60 : 30))
            .method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
                    : HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return request.build();
    }

    private static Response exchange(HttpClient http, HttpRequest request, boolean binary) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            String text = new String(bytes, binary ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            return new Response(response.statusCode(), response.headers().map(), text, bytes);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** A response: status, headers and the body as text and as JSON. */
    public record Response(int status, Map<String, List<String>> headers, String body, byte[] bytes) {

        public JsonNode json() {
            return (this.body == null || this.body.isEmpty()) ? JSON.nullNode() : JSON.readTree(this.body);
        }

        public String header(String name) {
            return this.headers.entrySet()
                .stream()
                .filter((e) -> e.getKey().equalsIgnoreCase(name))
                .map((e) -> e.getValue().get(0))
                .findFirst()
                .orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return this.status + " " + this.body;
        }
    }

}
