package dev.dualdb.media.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import dev.dualdb.blob.TestFiles;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;
import dev.dualdb.support.Multipart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collector's queue on {@code /actuator/prometheus}: a deleted image's bytes show up
 * as queued, with the age of the oldest entry, and are gone from the figures once
 * collected.
 */
class CollectorQueueMetricsTests extends ApiTest {

    @TempDir
    Path dir;

    @Autowired
    CollectorQueueMetrics metrics;

    @Autowired
    BlobCollector collector;

    @Test
    void theQueueOfBytesToCollectIsMeasured() throws IOException {
        String product = this.api.post("/api/products", Map.of("name", "Lamp", "price", 20, "sku", unique("LAMP")))
            .json()
            .path("id")
            .asString();
        byte[] png = Files.readAllBytes(TestFiles.image(this.dir, unique("img") + ".png", "png", 300, 200, false));
        Response uploaded = this.api.multipart("/api/products/" + product + "/images",
                new Multipart().file("files", "photo.png", "image/png", png));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String imageId = uploaded.json().get(0).path("id").asString();
        assertThat(this.api.delete("/api/products/" + product + "/images/" + imageId).status()).isEqualTo(204);

        this.metrics.refresh();
        long queued = count("SELECT count(*) FROM blob_deletions");
        assertThat(queued).isPositive();
        assertThat(scraped("dualdb_collector_queue_depth")).isEqualTo(queued);
        assertThat(scraped("dualdb_collector_queue_oldest_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(scraped("dualdb_collector_queue_failing"))
            .isEqualTo(count("SELECT count(*) FROM blob_deletions WHERE attempts > 0"));

        this.collector.collectAllDue();
        this.metrics.refresh();
        assertThat(scraped("dualdb_collector_queue_depth")).isEqualTo(count("SELECT count(*) FROM blob_deletions"));
        assertThat(count("SELECT count(*) FROM blob_deletions WHERE next_attempt_at <= now()")).isZero();
    }

    private double scraped(String name) {
        Response scrape = this.api.get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        return scrape.body()
            .lines()
            .filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
            .mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .findFirst()
            .orElseThrow(() -> new AssertionError(name + " is not scraped"));
    }

}
