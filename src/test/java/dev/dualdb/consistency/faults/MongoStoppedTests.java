package dev.dualdb.consistency.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.dualdb.support.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded MongoDB server stops for good (in a context of its own). MongoDB is
 * required: every product and course route answers 503 {@code catalog-unavailable}, not
 * 500, and none of them writes anything to PostgreSQL. Bytes that arrived before the
 * catalog was needed are given up for collection. Media already stored is still
 * delivered.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "dualdb.test.context=faults-mongo-stopped")
class MongoStoppedTests extends FaultTestSupport {

    private static final List<String> TABLES = List.of("product_images", "course_videos", "course_resources",
            "media_storage", "blobs", "renditions", "rendition_jobs", "idempotency_keys");

    @Autowired
    MongoServer mongoServer;

    @Test
    void catalogRoutesAnswer503AndWriteNothingToPostgres() throws Exception {
        Place place = place();
        Sample image = Sample.image();
        String imageUrl = uploaded(UploadRoute.PRODUCT_IMAGES, place, image);
        Map<String, Long> rowsBefore = rowCounts();
        Set<String> storedBefore = storedHashes();

        this.mongoServer.shutdownNow();

        // Each request waits for the driver's server selection timeout (3 s): send them
        // all at once.
        Map<String, Response> answers = allAtOnce(Map.ofEntries(
                Map.entry("read a product", () -> api.get("/api/products/" + place.product())),
                Map.entry("list products", () -> api.get("/api/products")),
                Map.entry("create a product",
                        () -> api.post("/api/products",
                                Map.of("name", "Rug", "price", 80, "sku", unique("RUG"), "images",
                                        List.of(Map.of("imageUrl", "https://cdn.example.com/r.jpg"))))),
                Map.entry("create a product with files", () -> createProductWithFiles(unique("DESK"), Sample.image())),
                Map.entry("upload a product image", () -> upload(UploadRoute.PRODUCT_IMAGES, place, Sample.image())),
                Map.entry("delete a product image", () -> deleteMedia(UploadRoute.PRODUCT_IMAGES, place, imageUrl)),
                Map.entry("delete a product", () -> api.delete("/api/products/" + place.product())),
                Map.entry("read a course", () -> api.get("/api/courses/" + place.course())),
                Map.entry("list courses", () -> api.get("/api/courses")),
                Map.entry("upload a course video", () -> upload(UploadRoute.COURSE_VIDEO, place, Sample.video())),
                Map.entry("upload a lesson resource", () -> upload(UploadRoute.LESSON_RESOURCE, place, Sample.text())),
                Map.entry("upload media of a lesson", () -> upload(UploadRoute.ANY_MEDIA, place, Sample.image())),
                Map.entry("delete a lesson",
                        () -> api.delete("/api/courses/" + place.course() + "/lessons/" + place.lesson())),
                Map.entry("delete a course", () -> api.delete("/api/courses/" + place.course()))));

        answers.forEach((request, response) -> {
            assertThat(response.status()).as(request + ": " + response).isEqualTo(503);
            assertProblem(response, 503, "catalog-unavailable");
        });
        assertThat(rowCounts()).as("rows in PostgreSQL").isEqualTo(rowsBefore);
        // Creating a product with files streams the files in before it needs the catalog;
        // they were queued for
        // collection and go now.
        collector.collectAllDue();
        assertThat(storedHashes()).isEqualTo(storedBefore);
        assertThat(count("SELECT count(*) FROM blob_deletions")).isZero();
        // Bytes are served only while their owner can be checked, so delivery needs
        // MongoDB too.
        assertProblem(api.fetch("GET", imageUrl), 503, "catalog-unavailable");
        assertThat(storedHashes()).contains(image.sha256());
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach((table) -> counts.put(table, count("SELECT count(*) FROM " + table)));
        return counts;
    }

    private static Map<String, Response> allAtOnce(Map<String, Callable<Response>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            Map<String, Future<Response>> pending = new LinkedHashMap<>();
            requests.forEach((name, request) -> pending.put(name, pool.submit(request)));
            Map<String, Response> answers = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Response>> entry : pending.entrySet()) {
                answers.put(entry.getKey(), entry.getValue().get(1, TimeUnit.MINUTES));
            }
            return answers;
        }
        finally {
            pool.shutdownNow();
        }
    }

}
