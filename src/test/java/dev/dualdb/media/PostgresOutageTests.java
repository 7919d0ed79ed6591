package dev.dualdb.media;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.dualdb.embedded.EmbeddedPostgresServer;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stops while the service runs: the catalog is still served, media reads say
 * media is unavailable, media writes answer 503 with Retry-After, and once PostgreSQL is
 * back media works again without a restart.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "dualdb.test.context=postgres-outage")
class PostgresOutageTests extends ApiTest {

    @Autowired
    EmbeddedPostgresServer postgres;

    @AfterEach
    void restartPostgres() {
        this.postgres.start();
    }

    @Test
    void theCatalogSurvivesAPostgresOutageAndMediaRecoversByItself() {
        Response created = api.post("/api/products", Map.of("name", "Kettle", "price", 30, "sku", unique("KETTLE"),
                "images", List.of(Map.of("imageUrl", "https://cdn.example.com/kettle.jpg"))));
        String id = created.json().path("id").asString();

        this.postgres.stop();

        Response read = api.get("/api/products/" + id);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("name").asString()).isEqualTo("Kettle");
        assertThat(read.json().path("mediaAvailable").asBoolean()).isFalse();
        assertThat(read.json().path("images")).isEmpty();

        Response list = api.get("/api/products?size=5");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("mediaAvailable").asBoolean()).isFalse();

        Response patched = api.patch("/api/products/" + id, Map.of("stock", 4));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("stock").asInt()).isEqualTo(4);

        Response write = api.post("/api/products/" + id + "/images",
                Map.of("images", List.of(Map.of("imageUrl", "https://cdn.example.com/kettle-2.jpg"))));
        assertProblem(write, 503, "media-store-unavailable");
        assertThat(write.header("Retry-After")).isEqualTo("5");

        Response createWithImages = api.post("/api/products", Map.of("name", "Teapot", "price", 12, "sku",
                unique("TEAPOT"), "images", List.of(Map.of("imageUrl", "https://cdn.example.com/t.jpg"))));
        assertProblem(createWithImages, 503, "media-store-unavailable");
        assertThat(mongo.getCollection("products").countDocuments(new Document("name", "Teapot")))
            .as("no half-made product remains")
            .isZero();

        // Idempotency keys live in PostgreSQL: a request with a key is refused rather
        // than risk a duplicate,
        // the same request without a key goes through.
        Response keyed = api.postWithHeaders("/api/products", Map.of("name", "Cup", "price", 3, "sku", unique("CUP")),
                "Idempotency-Key", "outage-key-1");
        assertProblem(keyed, 503, "idempotency-unavailable");
        assertThat(keyed.header("Retry-After")).isNotBlank();
        assertThat(api.post("/api/products", Map.of("name", "Cup", "price", 3, "sku", unique("CUP"))).status())
            .isEqualTo(201);

        Response health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("components").path("postgresql").path("status").asString()).isEqualTo("DEGRADED");
        assertThat(health.json().path("components").path("mongodb").path("status").asString()).isEqualTo("UP");

        this.postgres.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Response again = api.post("/api/products/" + id + "/images",
                    Map.of("images", List.of(Map.of("imageUrl", "https://cdn.example.com/kettle-2.jpg"))));
            assertThat(again.status()).as(again.toString()).isEqualTo(201);
        });
        Response recovered = api.get("/api/products/" + id);
        assertThat(recovered.json().path("mediaAvailable").asBoolean()).isTrue();
        assertThat(recovered.json().path("images")).hasSize(2);
        assertThat(api.get("/actuator/health").json().path("components").path("postgresql").path("status").asString())
            .isEqualTo("UP");
    }

}
