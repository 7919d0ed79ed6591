package dev.dualdb.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dualdb.blob.TestFiles;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;
import dev.dualdb.support.Multipart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics an operator scrapes and the request id in the logs, over real requests: the
 * Grafana dashboard in {@code docs/} only names metrics that exist.
 */
class ObservabilityTests extends ApiTest {

    private static final Path DASHBOARD = Path.of("docs/grafana-dashboard.json");

    /**
     * A metric name in PromQL: an identifier right before a selector or a range, or the
     * first argument of a variable's {@code label_values}.
     */
    private static final Pattern METRIC = Pattern
        .compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*[{\\[]|label_values\\(([a-zA-Z_:][a-zA-Z0-9_:]*)");

    @Autowired
    MeterRegistry metrics;

    @TempDir
    Path files;

    private String product() {
        return this.api.post("/api/products", Map.of("name", "Lamp", "price", 20, "sku", unique("LAMP")))
            .json()
            .path("id")
            .asString();
    }

    private Response uploadImage(String productId) throws IOException {
        Path png = TestFiles.image(this.files, unique("image") + ".png", "png", 64, 32, false);
        return this.api.multipart("/api/products/" + productId + "/images",
                new Multipart().file("files", png, "image/png"));
    }

    private double sum(Search search) {
        return search.counters().stream().mapToDouble((counter) -> counter.count()).sum();
    }

    @Test
    void uploadsAndDeliveriesAreCountedByRouteStatusAndCode() throws IOException {
        String route = "/api/products/{id}/images";
        double uploads = sum(this.metrics.find("dualdb.uploads").tags("route", route, "code", "none"));
        double uploadBytes = sum(this.metrics.find("dualdb.upload.bytes").tags("route", route, "outcome", "success"));
        double refused = sum(this.metrics.find("dualdb.uploads").tags("route", route, "code", "content-type-mismatch"));
        double delivered = sum(this.metrics.find("dualdb.deliveries").tags("route", "/media/{id}", "status", "200"));
        double deliveredBytes = sum(
                this.metrics.find("dualdb.delivery.bytes").tags("route", "/media/{id}", "status", "200"));
        String productId = product();

        Response uploaded = uploadImage(productId);
        Response refusedUpload = this.api.multipart("/api/products/" + productId + "/images",
                new Multipart().file("files", "notes.png", "image/png", "just text, not an image".getBytes()));
        String url = uploaded.json().get(0).path("imageUrl").asString();
        Response delivery = this.api.fetch("GET", url);

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertProblem(refusedUpload, 415, "content-type-mismatch");
        assertThat(delivery.status()).isEqualTo(200);
        assertThat(sum(this.metrics.find("dualdb.uploads").tags("route", route, "code", "none")))
            .isEqualTo(uploads + 1);
        assertThat(sum(this.metrics.find("dualdb.upload.bytes").tags("route", route, "outcome", "success")))
            .isGreaterThan(uploadBytes + 100);
        assertThat(sum(this.metrics.find("dualdb.uploads").tags("route", route, "code", "content-type-mismatch")))
            .isEqualTo(refused + 1);
        assertThat(sum(this.metrics.find("dualdb.deliveries").tags("route", "/media/{id}", "status", "200")))
            .isEqualTo(delivered + 1);
        assertThat(sum(this.metrics.find("dualdb.delivery.bytes").tags("route", "/media/{id}", "status", "200")))
            .isEqualTo(deliveredBytes + delivery.bytes().length);
    }

    @Test
    void idempotencyReplaysAndConflictsAreCounted() {
        String route = "/api/products";
        double replays = sum(this.metrics.find("dualdb.idempotency.replays"));
        double conflicts = sum(this.metrics.find("dualdb.idempotency.conflicts").tag("code", "idempotency-key-reused"));
        String key = unique("key");
        Map<String, Object> lamp = Map.of("name", "Lamp", "price", 20, "sku", unique("LAMP"));

        Response first = this.api.postWithHeaders(route, lamp, "Idempotency-Key", key);
        Response replay = this.api.postWithHeaders(route, lamp, "Idempotency-Key", key);
        Response conflict = this.api.postWithHeaders(route, Map.of("name", "Other", "price", 1, "sku", unique("O")),
                "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertProblem(conflict, 422, "idempotency-key-reused");
        assertThat(sum(this.metrics.find("dualdb.idempotency.replays"))).isEqualTo(replays + 1);
        assertThat(sum(this.metrics.find("dualdb.idempotency.conflicts").tag("code", "idempotency-key-reused")))
            .isEqualTo(conflicts + 1);
    }

    @Test
    void everyMetricTheDashboardNamesIsScraped() throws IOException {
        String productId = product();
        String url = uploadImage(productId).json().get(0).path("imageUrl").asString();
        this.api.fetch("GET", url);
        assertProblem(this.api.get("/api/products/" + new ObjectId()), 404, "product-not-found");
        String key = unique("key");
        Map<String, Object> lamp = Map.of("name", "Lamp", "price", 20, "sku", unique("LAMP"));
        this.api.postWithHeaders("/api/products", lamp, "Idempotency-Key", key);
        this.api.postWithHeaders("/api/products", lamp, "Idempotency-Key", key);
        this.api.postWithHeaders("/api/products", Map.of("name", "B", "price", 1, "sku", unique("B")),
                "Idempotency-Key", key);
        // A product whose document vanished behind the service's back: the reconciler
        // finds and repairs its image rows.
        this.mongo.getCollection("products").deleteOne(new Document("_id", new ObjectId(productId)));
        assertThat(this.api.post("/api/admin/reconciliation").status()).isEqualTo(200);

        Response scrape = this.api.get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        Files.writeString(Path.of("target/prometheus-scrape.txt"), scrape.body());
        Set<String> scraped = scrapedNames(scrape.body());
        Set<String> named = dashboardMetrics();
        assertThat(named).as("metrics named by the dashboard").hasSizeGreaterThan(10);
        assertThat(scraped).containsAll(named);
    }

    @Test
    void theRequestIdOfTheCallerIsKeptAndAMalformedOneReplaced() {
        Response given = this.api.fetch("GET", "/actuator/health", "X-Request-Id", "lb-1234.abcd");
        Response none = this.api.fetch("GET", "/actuator/health");
        Response forged = this.api.fetch("GET", "/actuator/health", "X-Request-Id", "a b\" injected");

        assertThat(given.header("X-Request-Id")).isEqualTo("lb-1234.abcd");
        assertThat(none.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(forged.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theProbesOfTheKubernetesManifestAnswerUp() throws IOException {
        Set<String> paths = new LinkedHashSet<>();
        for (Object document : new Yaml().loadAll(Files.readString(Path.of("deploy/k8s/deployment.yaml")))) {
            Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document)
                .get("spec")).get("template");
            List<Map<String, Object>> containers = (List<Map<String, Object>>) ((Map<String, Object>) spec.get("spec"))
                .get("containers");
            for (Map<String, Object> container : containers) {
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    paths.add(
                            (String) ((Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet"))
                                .get("path"));
                }
            }
        }

        assertThat(paths).containsExactlyInAnyOrder("/actuator/health/liveness", "/actuator/health/readiness");
        for (String path : paths) {
            Response probe = this.api.get(path);
            assertThat(probe.status()).as(path).isEqualTo(200);
            assertThat(probe.json().path("status").asString()).as(path).isEqualTo("UP");
        }
    }

    static Set<String> scrapedNames(String exposition) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    static Set<String> dashboardMetrics() throws IOException {
        JsonNode dashboard = JsonMapper.shared().readTree(Files.readString(DASHBOARD));
        List<String> queries = new ArrayList<>(dashboard.findValuesAsString("expr"));
        queries.addAll(dashboard.findValuesAsString("definition"));
        Set<String> names = new LinkedHashSet<>();
        for (String query : queries) {
            Matcher metric = METRIC.matcher(query);
            while (metric.find()) {
                names.add((metric.group(1) != null) ? metric.group(1) : metric.group(2));
            }
        }
        return names;
    }

}
