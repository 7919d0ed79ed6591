package dev.dualdb.consistency.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import dev.dualdb.support.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blob store cannot be written: its staging folder is replaced by a plain file (the
 * tests run as root, whom {@code chmod} would not stop). Every upload route answers 503
 * {@code blob-store-unavailable}, writes no row and leaves no product behind; once the
 * folder is back, uploads work again and the invariants hold.
 */
class BlobStoreUnwritableTests extends FaultTestSupport {

    @AfterEach
    void restoreTheStagingFolder() throws IOException {
        if (Files.isRegularFile(stagingDirectory())) {
            Files.delete(stagingDirectory());
        }
    }

    private void makeTheStoreUnwritable() throws IOException {
        Path staging = stagingDirectory();
        FileSystemUtils.deleteRecursively(staging);
        Files.writeString(staging, "not a directory");
    }

    @Test
    void everyUploadRouteAnswers503AndWritesNothing() throws IOException {
        Place place = place();
        String earlier = uploaded(UploadRoute.PRODUCT_IMAGES, place, Sample.image());
        String sku = unique("DESK");
        makeTheStoreUnwritable();

        Map<String, Response> answers = named("product images",
                upload(UploadRoute.PRODUCT_IMAGES, place, Sample.image()), "course video",
                upload(UploadRoute.COURSE_VIDEO, place, Sample.video()), "lesson resource",
                upload(UploadRoute.LESSON_RESOURCE, place, Sample.text()), "any media",
                upload(UploadRoute.ANY_MEDIA, place, Sample.image()), "product with files",
                createProductWithFiles(sku, Sample.image()));

        answers.forEach((route, response) -> {
            assertThat(response.status()).as(route + ": " + response).isEqualTo(503);
            assertProblem(response, 503, "blob-store-unavailable");
            assertThat(response.header("Retry-After")).as(route).isNotBlank();
        });
        assertThat(visibleMedia(UploadRoute.PRODUCT_IMAGES, place)).isEqualTo(1);
        assertThat(visibleMedia(UploadRoute.COURSE_VIDEO, place)).isZero();
        assertThat(visibleMedia(UploadRoute.LESSON_RESOURCE, place)).isZero();
        assertThat(visibleMedia(UploadRoute.ANY_MEDIA, place)).isZero();
        assertThat(productsWithSku(sku)).as("no product without its images").isZero();
        assertServed(earlier, null);

        restoreTheStagingFolder();
        assertConsistent();
        uploaded(UploadRoute.COURSE_VIDEO, place, Sample.video());
        assertThat(createProductWithFiles(sku, Sample.image()).status()).isEqualTo(201);
        assertConsistent();
    }

}
