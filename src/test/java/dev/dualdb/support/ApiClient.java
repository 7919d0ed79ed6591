package dev.dualdb.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real-HTTP client for the tests: JSON in, status + headers + JSON out. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
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
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** POSTs a multipart form, with extra headers (name, value, …). */
    public Response multipart(String path, Multipart form, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
            .header("Content-Type", form.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return sendBytes(request);
    }

    /** GETs (or HEADs) raw bytes, with extra headers (name, value, …). */
    public Response fetch(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
            .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return sendBytes(request);
    }

    private Response sendBytes(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().map(),
                    new String(response.body(), java.nio.charset.StandardCharsets.ISO_8859_1), response.body());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends {@code body} as-is with the given content type (for malformed and wrong-type
     * requests).
     */
    public Response raw(String method, String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private Response sendJson(String method, String path, Object body) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body(),
                    response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    /** A response: status, headers and the body as text and as JSON. */
    public record Response(int status, Map<String, java.util.List<String>> headers, String body, byte[] bytes) {

        public JsonNode json() {
            return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet()
                .stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0))
                .findFirst()
                .orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

}
