package dev.dualdb.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import dev.dualdb.blob.BlobStore;
import dev.dualdb.blob.RenditionMaker;
import dev.dualdb.media.internal.BlobCollector;
import dev.dualdb.media.internal.RenditionWorker;
import dev.dualdb.support.ApiClient;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;
import dev.dualdb.support.Multipart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thumbnails off the request path: an upload queues one job per image (in its own
 * transaction) and makes nothing; the worker makes them, takes again a job whose worker
 * died, retries failures with a growing pause and then keeps the job as failed; a job of
 * deleted media brings nothing back; the reconciler queues images that have neither
 * thumbnails nor job; and a thumbnail asked for before the worker got to it is made on
 * the spot, once however many ask at the same time.
 */
class RenditionJobTests extends ApiTest {

    @Autowired
    RenditionWorker worker;

    @Autowired
    RenditionMaker maker;

    @Autowired
    BlobCollector collector;

    @Autowired
    BlobStore store;

    private final Random random = new Random();

    @Test
    void anUploadAnswers201WithItsJobQueuedAndNoThumbnailMadeThenTheWorkerMakesThem() throws IOException {
        String product = product();
        byte[] image = jpeg(1200, 600);
        String hash = sha256(image);
        long decodes = this.maker.decodes();

        Response uploaded = upload(product, image);
        Response again = upload(product(), image);

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        JsonNode links = uploaded.json().get(0).path("renditions");
        assertThat(links.findValues("width")).extracting(JsonNode::asInt).containsExactly(160, 480, 1024);
        assertThat(links.findValues("height")).extracting(JsonNode::asInt).containsExactly(80, 240, 512);
        assertThat(links.findValues("ready")).extracting(JsonNode::asBoolean).containsOnly(false);
        assertThat(count("SELECT count(*) FROM rendition_jobs WHERE source_sha256 = ?", hash))
            .as("one job for the bytes, however many rows share them")
            .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM renditions WHERE source_sha256 = ?", hash)).isZero();
        assertThat(this.maker.decodes()).as("nothing decoded while uploading").isEqualTo(decodes);

        runJobs();

        assertThat(count("SELECT count(*) FROM renditions WHERE source_sha256 = ?", hash)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM rendition_jobs WHERE source_sha256 = ?", hash)).isZero();
        JsonNode read = this.api.get("/api/products/" + product).json().path("images").get(0).path("renditions");
        assertThat(read.findValues("ready")).extracting(JsonNode::asBoolean).containsExactly(true, true, true);
        long made = this.maker.decodes();
        Response thumbnail = this.api.fetch("GET", links.get(1).path("url").asString());
        assertThat(thumbnail.status()).isEqualTo(200);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(thumbnail.bytes()));
        assertThat(decoded.getWidth()).isEqualTo(480);
        assertThat(decoded.getHeight()).isEqualTo(240);
        assertThat(this.maker.decodes()).as("a stored thumbnail is plain delivery").isEqualTo(made);
    }

    @Test
    void aJobHeldByAWorkerThatDiedIsTakenAgainWhenItsLeaseEnds() throws IOException {
        byte[] image = jpeg(640, 480);
        String hash = sha256(image);
        assertThat(upload(product(), image).status()).isEqualTo(201);
        // Claimed by a worker that is still within its lease: nobody else takes it.
        this.jdbc.sql("""
                UPDATE rendition_jobs SET attempts = 1, claimed_until = now() + interval '10 minutes',
                    next_attempt_at = now() + interval '10 minutes' WHERE source_sha256 = ?""").param(hash).update();
        runJobs();
        assertThat(count("SELECT count(*) FROM renditions WHERE source_sha256 = ?", hash)).isZero();

        // That worker died: its lease is over.
        this.jdbc.sql("""
                UPDATE rendition_jobs SET claimed_until = now() - interval '1 minute',
                    next_attempt_at = now() - interval '1 minute' WHERE source_sha256 = ?""").param(hash).update();
        JsonNode stuck = this.api.post("/api/admin/reconciliation?dryRun=true").json().path("findings");
        assertThat(stuck.path("stuckRenditionJobs").path("found").asLong()).isPositive();
        runJobs();

        assertThat(count("SELECT count(*) FROM renditions WHERE source_sha256 = ?", hash)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM rendition_jobs WHERE source_sha256 = ?", hash)).isZero();
    }

    @Test
    void aFailingJobIsRetriedWithAGrowingPauseThenKeptAsFailed() throws IOException {
        String product = product();
        byte[] image = jpeg(800, 600);
        String hash = sha256(image);
        JsonNode saved = upload(product, image).json().get(0);
        Path file = this.store.localPath(hash).orElseThrow();
        long decodes = this.maker.decodes();
        // The stored bytes are damaged behind the service's back: they cannot be decoded.
        Files.write(file, new byte[] { 1, 2, 3 });
        try {
            runJobs();
            assertThat(job(hash, "attempts")).isEqualTo("1");
            assertThat(job(hash, "last_error")).isNotBlank();
            assertThat(job(hash, "failed_at")).isNull();
            assertThat(secondsUntilNextAttempt(hash)).isBetween(5.0, 11.0);

            runJobs();
            assertThat(job(hash, "attempts")).as("not due yet").isEqualTo("1");

            this.jdbc.sql("UPDATE rendition_jobs SET next_attempt_at = now() WHERE source_sha256 = ?")
                .param(hash)
                .update();
            runJobs();
            assertThat(job(hash, "attempts")).isEqualTo("2");
            assertThat(secondsUntilNextAttempt(hash)).as("the pause doubles").isBetween(15.0, 21.0);

            this.jdbc.sql("UPDATE rendition_jobs SET next_attempt_at = now() WHERE source_sha256 = ?")
                .param(hash)
                .update();
            runJobs();
            assertThat(job(hash, "attempts")).isEqualTo("3");
            assertThat(job(hash, "failed_at")).as("kept as failed after max-attempts (3)").isNotNull();

            this.jdbc.sql("UPDATE rendition_jobs SET next_attempt_at = now() WHERE source_sha256 = ?")
                .param(hash)
                .update();
            runJobs();
            assertThat(job(hash, "attempts")).as("a failed job is not taken again").isEqualTo("3");
            JsonNode read = this.api.get("/api/products/" + product).json().path("images").get(0);
            assertThat(read.path("renditions")).as("no link to thumbnails that cannot be made").isEmpty();
            assertProblem(this.api.fetch("GET", saved.path("imageUrl").asString() + "/renditions/160"), 404,
                    "rendition-not-found");
            assertThat(this.maker.decodes()).as("the damaged bytes were never decoded").isEqualTo(decodes);
            JsonNode report = this.api.post("/api/admin/reconciliation?dryRun=true").json().path("findings");
            assertThat(report.path("failedRenditionJobs").path("found").asLong()).isPositive();
            assertThat(count("SELECT count(*) FROM renditions WHERE source_sha256 = ?", hash)).isZero();
        }
        finally {
            Files.write(file, image);
        }
    }

    @Test
    void theJobOfDeletedMediaBringsNothingBack() throws IOException {
        runJobs(); // the jobs other tests left, so that only this one is due below
        String product = product();
        byte[] image = jpeg(700, 500);
        String hash = sha256(image);
        JsonNode saved = upload(product, image).json().get(0);
        Set<String> storedBefore = storedHashes();
        long decodes = this.maker.decodes();

        assertThat(this.api.delete("/api/products/" + product + "/images/" + saved.path("id").asString()).status())
            .isEqualTo(204);
        runJobs();
        this.collector.collectAllDue();
        runJobs();

        assertThat(count("SELECT count(*) FROM rendition_jobs WHERE source_sha256 = ?", hash)).isZero();
        assertThat(count("SELECT count(*) FROM renditions WHERE source_sha256 = ?", hash)).isZero();
        assertThat(count("SELECT count(*) FROM blobs WHERE sha256 = ?", hash)).isZero();
        assertThat(this.store.exists(hash)).isFalse();
        Set<String> added = new HashSet<>(storedHashes());
        added.removeAll(storedBefore);
        // The worker may have made the thumbnails of other tests' images meanwhile: every
        // file it added is recorded as a thumbnail of an image that is still there.
        for (String other : added) {
            assertThat(
                    count("SELECT count(*) FROM renditions WHERE blob_sha256 = ? AND source_sha256 <> ?", other, hash))
                .as("no stray thumbnail stored")
                .isPositive();
        }
        assertThat(this.maker.decodes()).isEqualTo(decodes);
    }

    @Test
    void aJobWhoseSourceWasCollectedFirstIsGoneWithIt() throws IOException {
        String product = product();
        byte[] image = jpeg(500, 400);
        String hash = sha256(image);
        JsonNode saved = upload(product, image).json().get(0);

        this.api.delete("/api/products/" + product + "/images/" + saved.path("id").asString());
        this.collector.collectAllDue();

        assertThat(count("SELECT count(*) FROM rendition_jobs WHERE source_sha256 = ?", hash)).isZero();
        runJobs();
        assertThat(count("SELECT count(*) FROM blobs WHERE sha256 = ?", hash)).isZero();
        assertThat(this.store.exists(hash)).isFalse();
    }

    @Test
    void theReconcilerQueuesImagesThatHaveNeitherThumbnailsNorJob() throws IOException {
        byte[] image = jpeg(900, 300);
        String hash = sha256(image);
        assertThat(upload(product(), image).status()).isEqualTo(201);
        this.jdbc.sql("DELETE FROM rendition_jobs WHERE source_sha256 = ?").param(hash).update();

        JsonNode dry = this.api.post("/api/admin/reconciliation?dryRun=true").json().path("findings");
        assertThat(dry.path("missingRenditions").path("found").asLong()).isPositive();
        assertThat(dry.path("missingRenditions").path("repaired").asLong()).isZero();
        assertThat(count("SELECT count(*) FROM rendition_jobs WHERE source_sha256 = ?", hash)).isZero();

        JsonNode run = this.api.post("/api/admin/reconciliation").json().path("findings");
        assertThat(run.path("missingRenditions").path("repaired").asLong()).isPositive();
        assertThat(count("SELECT count(*) FROM rendition_jobs WHERE source_sha256 = ?", hash)).isEqualTo(1);
        runJobs();
        assertThat(count("SELECT count(*) FROM renditions WHERE source_sha256 = ?", hash)).isEqualTo(2);
        JsonNode after = this.api.post("/api/admin/reconciliation?dryRun=true").json().path("findings");
        assertThat(after.path("missingRenditions").path("examples").toString()).doesNotContain(hash);
    }

    @Test
    void sixteenRequestsForAThumbnailNotMadeYetDecodeTheImageOnceAndGetTheSameBytes() throws Exception {
        byte[] image = jpeg(2000, 1500);
        String hash = sha256(image);
        JsonNode saved = upload(product(), image).json().get(0);
        String url = saved.path("imageUrl").asString() + "/renditions/480";
        long decodes = this.maker.decodes();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                ApiClient client = this.api.anonymous();
                Callable<Response> get = () -> {
                    start.await();
                    return client.fetch("GET", url);
                };
                answers.add(clients.submit(get));
            }
            start.countDown();
            Set<String> bodies = new HashSet<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                bodies.add(sha256(response.bytes()));
            }
            assertThat(bodies).as("the same bytes for everyone").hasSize(1);
        }
        finally {
            clients.shutdownNow();
        }

        assertThat(this.maker.decodes() - decodes).as("decodes").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM renditions WHERE source_sha256 = ?", hash)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM rendition_jobs WHERE source_sha256 = ?", hash)).isZero();
        assertThat(this.api.fetch("GET", saved.path("imageUrl").asString() + "/renditions/1024").status())
            .isEqualTo(200);
        assertThat(this.maker.decodes() - decodes).as("later requests are plain delivery").isEqualTo(1);
        Response metric = this.api.get("/actuator/metrics/dualdb.renditions.decodes");
        assertThat(metric.json().path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void widthsNotConfiguredOrWiderThanTheImageAreNotMade() throws IOException {
        byte[] image = jpeg(300, 200);
        JsonNode saved = upload(product(), image).json().get(0);
        String url = saved.path("imageUrl").asString();
        long decodes = this.maker.decodes();

        assertProblem(this.api.fetch("GET", url + "/renditions/333"), 404, "rendition-not-found");
        assertProblem(this.api.fetch("GET", url + "/renditions/480"), 404, "rendition-not-found");

        assertThat(this.maker.decodes()).isEqualTo(decodes);
        assertThat(saved.path("renditions").findValues("width")).extracting(JsonNode::asInt).containsExactly(160);
    }

    private void runJobs() {
        while (this.worker.runDue() > 0) {
            // until nothing is due
        }
    }

    private String job(String hash, String column) {
        return this.jdbc.sql("SELECT " + column + "::text FROM rendition_jobs WHERE source_sha256 = ?")
            .param(hash)
            .query(String.class)
            .optional()
            .orElse(null);
    }

    private double secondsUntilNextAttempt(String hash) {
        return this.jdbc.sql(
                "SELECT extract(epoch FROM next_attempt_at - now())::float8 FROM rendition_jobs WHERE source_sha256 = ?")
            .param(hash)
            .query(Double.class)
            .single();
    }

    private Set<String> storedHashes() {
        Set<String> hashes = new HashSet<>();
        this.store.forEachBlob((blob) -> hashes.add(blob.sha256()));
        return hashes;
    }

    private String product() {
        return this.api.post("/api/products", Map.of("name", "Print", "price", 12, "sku", unique("PRINT")))
            .json()
            .path("id")
            .asString();
    }

    private Response upload(String product, byte[] jpeg) {
        Response uploaded = this.api.multipart("/api/products/" + product + "/images",
                new Multipart().file("files", "photo.jpg", "image/jpeg", jpeg));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return uploaded;
    }

    /** A JPEG of random pixels: bytes no other test uploads. */
    private byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y += 8) {
            for (int x = 0; x < width; x += 8) {
                int rgb = this.random.nextInt(0xFFFFFF);
                for (int dy = 0; dy < 8 && y + dy < height; dy++) {
                    for (int dx = 0; dx < 8 && x + dx < width; dx++) {
                        image.setRGB(x + dx, y + dy, rgb);
                    }
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
