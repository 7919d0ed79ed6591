package dev.dualdb.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dualdb.blob.TestFiles;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;
import dev.dualdb.support.Multipart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser app on another origin ({@code https://app.example.com}, allowed in the test
 * profile) calling the API and reading media, and one on an origin that is not allowed.
 * Preflights ({@code OPTIONS}) are outside the documented API, so they go out by a plain
 * HTTP client; everything else through the contract-checked client.
 */
class BrowserAccessTests extends ApiTest {

    private static final String APP = "https://app.example.com";

    private static final String EVIL = "https://evil.example";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    // --- preflight
    // -----------------------------------------------------------------------------------------------

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithWhatItMayUse() throws Exception {
        HttpResponse<String> preflight = options("/api/products", APP, "POST",
                "content-type, idempotency-key, authorization, content-digest");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(header(preflight, "Access-Control-Allow-Methods")).contains("POST");
        assertThat(header(preflight, "Access-Control-Allow-Headers").toLowerCase()).contains("content-type",
                "idempotency-key", "authorization", "content-digest");
        assertThat(header(preflight, "Access-Control-Max-Age")).isEqualTo("3600");
        assertThat(preflight.headers().allValues("Vary")).anySatisfy((vary) -> assertThat(vary).contains("Origin"));
        // Credentials are off unless configured; the preflight reached no route.
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(preflight.body()).isEmpty();

        HttpResponse<String> media = options("/media/" + UUID.randomUUID(), APP, "GET",
                "range, if-none-match, if-range");
        assertThat(media.statusCode()).isEqualTo(200);
        assertThat(header(media, "Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(header(media, "Access-Control-Allow-Headers").toLowerCase()).contains("range", "if-none-match",
                "if-range");
    }

    @Test
    void aPreflightFromAnotherOriginOrAskingForMoreIsRefusedAsAProblem() throws Exception {
        for (String origin : List.of(EVIL, "http://app.example.com", "https://app.example.com.evil.example",
                "https://app.example.com:8443", "null")) {
            HttpResponse<String> refused = options("/api/products", origin, "POST", "content-type");
            assertRefusedPreflight(refused, origin);
        }
        assertRefusedPreflight(options("/api/products", APP, "POST", "content-type, x-evil"), "a header");
        assertRefusedPreflight(options("/api/products", APP, "PROPFIND", null), "a method");
    }

    // --- the API from another origin
    // ------------------------------------------------------------------------------

    @Test
    void theApiIsReadableFromAnAllowedOriginWithItsBrowserHeaders() {
        String id = product(unique("CORS"));

        Response read = api.request("GET", "/api/products/" + id, null, "Origin", APP);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(read.header("Access-Control-Expose-Headers")).contains("ETag", "Location", "Retry-After");
        assertThat(values(read, "Access-Control-Allow-Credentials")).isEmpty();
        assertThat(values(read, "Vary")).anySatisfy((vary) -> assertThat(vary).contains("Origin"));
        assertApiHeaders(read);

        Response created = api.request("POST", "/api/products",
                json(Map.of("name", "Lamp", "price", 20, "sku", unique("CORS"))), "Origin", APP, "Content-Type",
                "application/json");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertApiHeaders(created);
    }

    @Test
    void aRequestFromAnOriginNotAllowedIsRefusedAndChangesNothing() {
        String id = product(unique("CORS"));
        String sku = unique("EVIL");

        Response read = api.request("GET", "/api/products/" + id, null, "Origin", EVIL);
        Response write = api.request("POST", "/api/products", json(Map.of("name", "Evil", "price", 1, "sku", sku)),
                "Origin", EVIL, "Content-Type", "application/json");

        for (Response refused : List.of(read, write)) {
            assertProblem(refused, 403, "cross-origin-refused");
            assertThat(values(refused, "Access-Control-Allow-Origin")).isEmpty();
            assertApiHeaders(refused);
        }
        assertThat(this.mongo.exists(Query.query(Criteria.where("sku").is(sku)), "products")).isFalse();
        // Without Origin (not a browser app, or the same origin): as always.
        assertThat(api.get("/api/products/" + id).status()).isEqualTo(200);
    }

    @Test
    void problemsCarryTheBrowserHeadersAndAreReadableFromAnAllowedOrigin() {
        Response notFound = api.request("GET", "/api/products/0123456789abcdef01234567", null, "Origin", APP);
        Response malformedId = api.malformed().request("GET", "/api/products/not-an-id", null, "Origin", APP);
        Response malformedQuery = api.malformed().request("GET", "/api/products?=x", null, "Origin", APP);
        Response badEscape = api.malformed().request("GET", "/api/products?a=%ZZ", null, "Origin", APP);
        Response noMedia = api.fetch("GET", "/media/" + UUID.randomUUID(), "Origin", APP);

        assertProblem(notFound, 404, "product-not-found");
        assertProblem(malformedId, 400, "malformed-id");
        assertProblem(malformedQuery, 400, "malformed-query");
        assertProblem(badEscape, 400, "malformed-query");
        assertProblem(noMedia, 404, "media-not-found");
        for (Response problem : List.of(notFound, malformedId, malformedQuery, badEscape, noMedia)) {
            assertThat(problem.header("Access-Control-Allow-Origin")).as(problem.toString()).isEqualTo(APP);
            assertApiHeaders(problem);
        }
    }

    @Test
    void theDocumentSaysWhoGetsCrossOriginRefused() {
        JsonNode document = JSON.readTree(api.openApiDocument());
        JsonNode paths = document.path("paths");

        for (String[] operation : List.of(new String[] { "/media/{id}", "get" },
                new String[] { "/api/products", "post" }, new String[] { "/actuator/health", "get" })) {
            JsonNode forbidden = paths.path(operation[0]).path(operation[1]).path("responses").path("403");
            assertThat(forbidden.path("description").asString()).as(paths.path(operation[0]).toString())
                .contains("cross-origin-refused");
            assertThat(forbidden.path("content").has("application/problem+json")).isTrue();
        }
    }

    // --- media from another origin
    // ----------------------------------------------------------------------------------

    @Test
    void mediaIsReadableFromAnAllowedOriginWholeByRangeAndByHead() throws Exception {
        byte[] image = Files.readAllBytes(TestFiles.image(this.dir, "pic.png", "png", 600, 300, false));
        JsonNode saved = api
            .multipart("/api/products/" + product(unique("PIC")) + "/images",
                    new Multipart().file("files", "pic.png", "image/png", image))
            .json()
            .get(0);
        String url = saved.path("imageUrl").asString();

        Response whole = api.fetch("GET", url, "Origin", APP);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.bytes()).isEqualTo(image);
        assertReadableMedia(whole);

        Response part = api.fetch("GET", url, "Origin", APP, "Range", "bytes=0-9");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 0-9/" + image.length);
        assertThat(part.bytes()).hasSize(10);
        assertReadableMedia(part);

        Response head = api.fetch("HEAD", url, "Origin", APP);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(image.length));
        assertReadableMedia(head);

        Response unchanged = api.fetch("GET", url, "Origin", APP, "If-None-Match", whole.header("ETag"));
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(unchanged.header("Content-Security-Policy")).isEqualTo("sandbox");

        Response stale = api.fetch("GET", url, "Origin", APP, "Range", "bytes=0-9", "If-Range", "\"other\"");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.bytes()).isEqualTo(image);

        String thumbnail = saved.path("renditions").get(0).path("url").asString();
        Response rendition = api.fetch("GET", thumbnail, "Origin", APP, "Range", "bytes=0-3");
        assertThat(rendition.status()).isEqualTo(206);
        assertReadableMedia(rendition);
        assertThat(rendition.header("Content-Security-Policy")).isEqualTo("sandbox");

        Response evil = api.fetch("GET", url, "Origin", EVIL, "Range", "bytes=0-9");
        assertProblem(evil, 403, "cross-origin-refused");
        assertThat(values(evil, "Access-Control-Allow-Origin")).isEmpty();
        assertThat(values(evil, "Content-Range")).isEmpty();
        // No Origin: an <img> without crossorigin; the bytes as always.
        assertThat(api.fetch("GET", url).bytes()).isEqualTo(image);
    }

    @Test
    void mediaIsSandboxedAndOnlyImagesVideosAndPdfMayLoadThemselves() throws Exception {
        String product = product(unique("KINDS"));
        Map<String, String> policies = Map.of(
                upload(product, "IMAGE", "p.png",
                        Files.readAllBytes(TestFiles.image(this.dir, "p.png", "png", 40, 20, false))),
                "sandbox",
                upload(product, "VIDEO", "v.mp4", Files.readAllBytes(TestFiles.fixture(this.dir, "tiny.mp4"))),
                "sandbox",
                upload(product, "DOCUMENT", "d.pdf", Files.readAllBytes(TestFiles.pdf(this.dir, "d.pdf", 1))),
                "sandbox", upload(product, "OTHER", "z.zip", Files.readAllBytes(TestFiles.zip(this.dir, "z.zip"))),
                "sandbox; default-src 'none'",
                upload(product, "DOCUMENT", "t.txt", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)),
                "sandbox; default-src 'none'");

        policies.forEach((url, policy) -> {
            Response media = api.fetch("GET", url, "Origin", APP);
            assertThat(media.status()).as(url).isEqualTo(200);
            assertThat(media.header("Content-Security-Policy")).as(media.contentType()).isEqualTo(policy);
            assertThat(values(media, "Content-Security-Policy")).hasSize(1);
            assertThat(values(media, "X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(media.header("Cross-Origin-Resource-Policy")).isEqualTo("cross-origin");
        });
    }

    // --- helpers
    // ---------------------------------------------------------------------------------------------------

    private String product(String sku) {
        return api.post("/api/products", Map.of("name", "Lamp", "price", 20, "sku", sku)).json().path("id").asString();
    }

    private String upload(String product, String mediaType, String name, byte[] bytes) {
        Response saved = api.multipart("/api/media",
                new Multipart().field("referenceType", "PRODUCT")
                    .field("referenceId", product)
                    .field("mediaType", mediaType)
                    .file("file", name, null, bytes));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        return saved.json().path("mediaUrl").asString();
    }

    private static byte[] json(Object body) {
        return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }

    /** Every value of a header (the raw client keeps names in lower case). */
    private static List<String> values(Response response, String name) {
        return response.headers()
            .entrySet()
            .stream()
            .filter((header) -> header.getKey().equalsIgnoreCase(name))
            .flatMap((header) -> header.getValue().stream())
            .toList();
    }

    private static void assertApiHeaders(Response response) {
        assertThat(values(response, "X-Content-Type-Options")).as(response.toString()).containsExactly("nosniff");
        assertThat(values(response, "Content-Security-Policy")).containsExactly("frame-ancestors 'none'");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("Cross-Origin-Resource-Policy")).isEqualTo("same-origin");
    }

    private static void assertReadableMedia(Response media) {
        assertThat(media.header("Access-Control-Allow-Origin")).as(media.toString()).isEqualTo(APP);
        assertThat(media.header("Access-Control-Expose-Headers")).contains("Content-Range", "Accept-Ranges",
                "Content-Length", "ETag", "Content-Disposition");
        assertThat(values(media, "Vary")).anySatisfy((vary) -> assertThat(vary).contains("Origin"));
        assertThat(media.header("Cross-Origin-Resource-Policy")).isEqualTo("cross-origin");
        assertThat(values(media, "X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(media.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(media.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(media.header("ETag")).isNotBlank();
    }

    private static void assertRefusedPreflight(HttpResponse<String> refused, String what) throws IOException {
        assertThat(refused.statusCode()).as(what).isEqualTo(403);
        assertThat(header(refused, "Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("code").asString()).isEqualTo("cross-origin-refused");
        assertThat(problem.path("status").asInt()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).as(what).isEmpty();
        assertThat(refused.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
        assertThat(header(refused, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(refused, "Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
    }

    private HttpResponse<String> options(String path, String origin, String method, String headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
            .timeout(Duration.ofSeconds(30))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", method);
        if (headers != null) {
            request.header("Access-Control-Request-Headers", headers);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

}
