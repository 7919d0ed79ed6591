package dev.dualdb.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import dev.dualdb.DualdbApplication;
import dev.dualdb.blob.StorageProperties;
import dev.dualdb.blob.TestFiles;
import dev.dualdb.support.ApiClient;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;
import dev.dualdb.support.MongoCommandCounter;
import dev.dualdb.support.Multipart;
import dev.dualdb.support.QueryCounter;
import dev.dualdb.support.TestSupportConfiguration;
import dev.dualdb.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery cache: a warm {@code GET /media/{id}} asks neither PostgreSQL nor MongoDB,
 * conditional and range requests work from it, a deletion answers 404 at once on the
 * instance that deleted and, through PostgreSQL {@code NOTIFY}, soon on every other
 * instance, long before the cache's max-staleness.
 */
class DeliveryCacheTests extends ApiTest {

    // The bound for another instance to hear of a deletion: far below the second
    // instance's max-staleness (1h), so only the notification can explain a 404.
    private static final Duration NOTIFICATION_BOUND = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Autowired
    MongoCommandCounter mongoCommands;

    @Autowired
    JdbcConnectionDetails postgresDetails;

    @Autowired
    MongoConnectionDetails mongoDetails;

    @Autowired
    StorageProperties storage;

    @Test
    void aWarmHitAsksNeitherDatabase() throws IOException {
        JsonNode image = uploadImage(product(), 300, 200);
        String url = image.path("imageUrl").asString();
        String thumbnail = image.path("renditions").get(0).path("url").asString();
        assertThat(this.api.fetch("GET", url).status()).isEqualTo(200);
        assertThat(this.api.fetch("GET", thumbnail).status()).isEqualTo(200);

        // Counted on the request threads: the audit trail writes the upload's event in
        // the background within a second, which may fall into this window.
        long statements = this.queries.requestStatements();
        long commands = this.mongoCommands.commands();
        for (int i = 0; i < 5; i++) {
            assertThat(this.api.fetch("GET", url).status()).isEqualTo(200);
            assertThat(this.api.fetch("HEAD", url).status()).isEqualTo(200);
            assertThat(this.api.fetch("GET", thumbnail).status()).isEqualTo(200);
        }

        assertThat(this.queries.requestStatements() - statements).as("PostgreSQL statements: %s", this.queries.recent())
            .isZero();
        assertThat(this.mongoCommands.commands() - commands).as("MongoDB commands").isZero();
    }

    @Test
    void conditionalAndRangeRequestsAreAnsweredFromTheCacheAsBefore() throws IOException {
        JsonNode image = uploadImage(product(), 400, 300);
        String url = image.path("imageUrl").asString();
        Response whole = this.api.fetch("GET", url);
        assertThat(whole.status()).isEqualTo(200);
        String etag = whole.header("ETag");
        long statements = this.queries.requestStatements();
        long commands = this.mongoCommands.commands();

        Response notModified = this.api.fetch("GET", url, "If-None-Match", etag);
        Response notModifiedSince = this.api.fetch("GET", url, "If-Modified-Since", whole.header("Last-Modified"));
        Response range = this.api.fetch("GET", url, "Range", "bytes=10-19");
        Response staleIfRange = this.api.fetch("GET", url, "Range", "bytes=10-19", "If-Range", "\"other\"");
        Response unsatisfiable = this.api.fetch("GET", url, "Range", "bytes=999999-");

        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.header("ETag")).isEqualTo(etag);
        assertThat(notModifiedSince.status()).isEqualTo(304);
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.header("Content-Range")).isEqualTo("bytes 10-19/" + whole.bytes().length);
        assertThat(range.bytes()).isEqualTo(java.util.Arrays.copyOfRange(whole.bytes(), 10, 20));
        assertThat(staleIfRange.status()).isEqualTo(200);
        assertThat(staleIfRange.bytes()).isEqualTo(whole.bytes());
        assertThat(unsatisfiable.status()).isEqualTo(416);
        assertThat(unsatisfiable.header("Content-Range")).isEqualTo("bytes */" + whole.bytes().length);
        assertThat(this.queries.requestStatements() - statements).as("PostgreSQL statements: %s", this.queries.recent())
            .isZero();
        assertThat(this.mongoCommands.commands() - commands).as("MongoDB commands").isZero();
    }

    @Test
    void deletedMediaIsGoneAtOnceOnTheInstanceThatDeletedIt() throws IOException {
        String product = product();
        JsonNode image = uploadImage(product, 320, 240);
        String url = image.path("imageUrl").asString();
        String thumbnail = image.path("renditions").get(0).path("url").asString();
        assertThat(this.api.fetch("GET", url).status()).isEqualTo(200);
        assertThat(this.api.fetch("GET", thumbnail).status()).isEqualTo(200);

        assertThat(this.api.delete("/api/products/" + product + "/images/" + image.path("id").asString()).status())
            .isEqualTo(204);

        assertProblem(this.api.fetch("GET", url), 404, "media-not-found");
        assertProblem(this.api.fetch("GET", thumbnail), 404, "media-not-found");
    }

    @Test
    void mediaOfADeletedProductIsGoneAtOnceOnTheInstanceThatDeletedIt() throws IOException {
        String product = product();
        String url = uploadImage(product, 120, 90).path("imageUrl").asString();
        assertThat(this.api.fetch("GET", url).status()).isEqualTo(200);

        assertThat(this.api.delete("/api/products/" + product).status()).isEqualTo(204);

        assertProblem(this.api.fetch("GET", url), 404, "media-not-found");
    }

    @Test
    void aSecondInstanceStopsServingWhatTheFirstDeletedLongBeforeMaxStaleness() throws IOException {
        try (ConfigurableApplicationContext second = startSecondInstance()) {
            ApiClient other = TestUsers.adminOf(second);
            QueryCounter otherQueries = second.getBean(QueryCounter.class);
            String product = product();
            JsonNode image = uploadImage(product, 160, 120);
            String url = image.path("imageUrl").asString();
            String keptProduct = product();
            String kept = uploadImage(keptProduct, 161, 121).path("imageUrl").asString();
            String goneProduct = product();
            String ofGoneProduct = uploadImage(goneProduct, 162, 122).path("imageUrl").asString();
            for (String warm : new String[] { url, kept, ofGoneProduct }) {
                assertThat(other.fetch("GET", warm).status()).isEqualTo(200);
            }
            long statements = otherQueries.statements();
            assertThat(other.fetch("GET", url).status()).isEqualTo(200);
            assertThat(otherQueries.statements() - statements).as("the second instance serves from its cache").isZero();

            assertThat(this.api.delete("/api/products/" + product + "/images/" + image.path("id").asString()).status())
                .isEqualTo(204);
            assertThat(this.api.delete("/api/products/" + goneProduct).status()).isEqualTo(204);

            await().atMost(NOTIFICATION_BOUND)
                .untilAsserted(() -> assertThat(other.fetch("GET", url).status()).isEqualTo(404));
            await().atMost(NOTIFICATION_BOUND)
                .untilAsserted(() -> assertThat(other.fetch("GET", ofGoneProduct).status()).isEqualTo(404));
            assertThat(other.fetch("GET", kept).status()).isEqualTo(200);
        }
    }

    private ConfigurableApplicationContext startSecondInstance() {
        return new SpringApplicationBuilder(DualdbApplication.class, TestSupportConfiguration.class).profiles("test")
            .run("--server.port=0", "--spring.datasource.url=" + this.postgresDetails.getJdbcUrl(),
                    "--spring.datasource.username=" + this.postgresDetails.getUsername(),
                    "--spring.datasource.password=" + nullToEmpty(this.postgresDetails.getPassword()),
                    "--spring.mongodb.uri=" + this.mongoDetails.getConnectionString().getConnectionString(),
                    "--dualdb.storage.local.directory=" + this.storage.local().directory().toAbsolutePath(),
                    "--dualdb.media.delivery-cache.max-staleness=1h", "--dualdb.collector.interval=1h",
                    "--dualdb.reconciler.scheduled=false");
    }

    private static String nullToEmpty(String value) {
        return (value != null) ? value : "";
    }

    private String product() {
        return this.api.post("/api/products", java.util.Map.of("name", "Lamp", "price", 20, "sku", unique("LAMP")))
            .json()
            .path("id")
            .asString();
    }

    private JsonNode uploadImage(String product, int width, int height) throws IOException {
        byte[] png = Files.readAllBytes(TestFiles.image(this.dir, unique("img") + ".png", "png", width, height, false));
        Response uploaded = this.api.multipart("/api/products/" + product + "/images",
                new Multipart().file("files", "photo.png", "image/png", png));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return uploaded.json().get(0);
    }

}
