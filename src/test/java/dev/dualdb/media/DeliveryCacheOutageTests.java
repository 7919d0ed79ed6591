package dev.dualdb.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.dualdb.blob.TestFiles;
import dev.dualdb.embedded.EmbeddedPostgresServer;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;
import dev.dualdb.support.Multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery cache while PostgreSQL is away: media already in the cache is still
 * served, media that is not answers 503, and once PostgreSQL is back the listener listens
 * again and empties the cache (it may have missed deletions), long before the
 * max-staleness of this context (1h) would.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(
        properties = { "dualdb.test.context=delivery-cache-outage", "dualdb.media.delivery-cache.max-staleness=1h" })
class DeliveryCacheOutageTests extends ApiTest {

    @Autowired
    EmbeddedPostgresServer postgres;

    @TempDir
    Path dir;

    @AfterEach
    void restartPostgres() {
        this.postgres.start();
    }

    @Test
    void cachedMediaIsServedWhilePostgresIsAwayAndTheCacheStartsAfreshWhenItReturns() throws IOException {
        String product = this.api.post("/api/products", Map.of("name", "Lamp", "price", 20, "sku", unique("LAMP")))
            .json()
            .path("id")
            .asString();
        String warm = upload(product, 200, 150);
        String cold = upload(product, 210, 150);
        Response before = this.api.fetch("GET", warm);
        assertThat(before.status()).isEqualTo(200);

        this.postgres.stop();

        Response served = this.api.fetch("GET", warm);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.bytes()).isEqualTo(before.bytes());
        Response refused = this.api.fetch("GET", cold);
        assertProblem(refused, 503, "media-store-unavailable");
        assertThat(refused.header("Retry-After")).isNotBlank();

        this.postgres.start();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            long statements = this.queries.statements();
            assertThat(this.api.fetch("GET", warm).status()).isEqualTo(200);
            assertThat(this.queries.statements() - statements).as("looked up again").isPositive();
        });
        assertThat(this.api.fetch("GET", cold).status()).isEqualTo(200);
    }

    private String upload(String product, int width, int height) throws IOException {
        byte[] png = Files.readAllBytes(TestFiles.image(this.dir, unique("img") + ".png", "png", width, height, false));
        Response uploaded = this.api.multipart("/api/products/" + product + "/images",
                new Multipart().file("files", "photo.png", "image/png", png));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return uploaded.json().get(0).path("imageUrl").asString();
    }

}
