package dev.dualdb.media.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;
import dev.dualdb.support.Multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker's scheduled round: it returns at once (the scheduler's thread is shared with
 * the view-count and audit flushes) and makes the thumbnails on threads of its own.
 */
class RenditionWorkerRoundTests extends ApiTest {

    @Autowired
    RenditionWorker worker;

    @Test
    void aScheduledRoundMakesTheThumbnailsOnItsOwnThreads() throws IOException {
        String product = this.api.post("/api/products", Map.of("name", "Poster", "price", 5, "sku", unique("POSTER")))
            .json()
            .path("id")
            .asString();
        BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        Random random = new Random();
        for (int y = 0; y < 400; y++) {
            image.setRGB(random.nextInt(600), y, random.nextInt(0xFFFFFF));
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        Response uploaded = this.api.multipart("/api/products/" + product + "/images",
                new Multipart().file("files", "poster.jpg", "image/jpeg", jpeg.toByteArray()));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String id = uploaded.json().get(0).path("id").asString();

        this.worker.scheduled();

        await().atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(
                    count("SELECT count(*) FROM renditions r JOIN product_images i ON i.blob_sha256 = r.source_sha256 "
                            + "WHERE i.id = ?::uuid", id))
                .isEqualTo(2));
    }

}
