package dev.dualdb.consistency.faults;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.system.Step;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every multi-store operation fails at each of its step boundaries: the
 * {@link FaultInjector} throws there, as anything between two steps could. The client
 * gets a 5xx problem, never a 2xx for a half-done write; and once the reconciler has run,
 * nothing half-made is visible, nothing is left over, and every acknowledged upload is
 * still served with the right hash ({@link #assertConsistent()}).
 */
class StepFaultTests extends FaultTestSupport {

    static Stream<Arguments> uploadBoundaries() {
        return Stream.of(UploadRoute.values())
            .flatMap((route) -> Stream.of(Arguments.arguments(route, Step.UPLOAD_BYTES_STORED),
                    Arguments.arguments(route, Step.UPLOAD_ROWS_WRITTEN)));
    }

    @ParameterizedTest(name = "{0} failing at {1}")
    @MethodSource("uploadBoundaries")
    void anUploadFailingAtAStepBoundaryLeavesNothingHalfMade(UploadRoute route, Step boundary) {
        Place place = place();
        Sample file = route.sample();
        faults.throwAt(boundary);

        Response failed = upload(route, place, file);

        assertFailedAt(boundary, failed);
        // The failed request gave its bytes up for collection; the same bytes,
        // acknowledged for another owner
        // afterwards, must survive that.
        uploaded(route, place(), file);
        assertConsistent();
        // Before its rows the upload left nothing; after them it is complete and whole,
        // only its answer was lost.
        assertThat(visibleMedia(route, place)).isEqualTo(boundary.equals(Step.UPLOAD_BYTES_STORED) ? 0 : 1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(UploadRoute.class)
    void anUploadRetriedWithItsKeyAfterFailingPastItsRowsIsRecordedOnce(UploadRoute route) {
        Place place = place();
        Sample file = route.sample();
        String key = UUID.randomUUID().toString();
        faults.throwAt(Step.UPLOAD_ROWS_WRITTEN);

        Response failed = upload(route, place, file, "Idempotency-Key", key);
        Response retried = upload(route, place, file, "Idempotency-Key", key);

        assertFailedAt(Step.UPLOAD_ROWS_WRITTEN, failed);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(visibleMedia(route, place)).as("rows after the retry").isEqualTo(1);
        assertConsistent();
    }

    @ParameterizedTest(name = "failing at {0}")
    @EnumSource(value = Step.class,
            names = { "PRODUCT_DOCUMENT_WRITTEN", "UPLOAD_BYTES_STORED", "UPLOAD_ROWS_WRITTEN" })
    void aProductCreatedWithImageFilesIsAllOrNothing(Step boundary) {
        String sku = unique("DESK");
        Sample front = Sample.image();
        Sample side = Sample.image();
        faults.throwAt(boundary);

        Response failed = createProductWithFiles(sku, front, side);

        assertFailedAt(boundary, failed);
        assertThat(productsWithSku(sku)).as("products left by the failed create").isZero();
        // The SKU is free again, and the retry's images (the same bytes the failure gave
        // up) stay.
        Response retry = createProductWithFiles(sku, front, side);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertConsistent();
        assertThat(productsWithSku(sku)).isEqualTo(1);
    }

    @Test
    void aProductCreatedWithImageUrlsIsAllOrNothingAndARetryWithTheSameKeySucceeds() {
        String sku = unique("RUG");
        String key = UUID.randomUUID().toString();
        Map<String, Object> product = Map.of("name", "Rug", "price", 80, "sku", sku, "images",
                List.of(Map.of("imageUrl", "https://cdn.example.com/rug.jpg")));
        faults.throwAt(Step.PRODUCT_DOCUMENT_WRITTEN);

        Response failed = api.postWithHeaders("/api/products", product, "Idempotency-Key", key);

        assertFailedAt(Step.PRODUCT_DOCUMENT_WRITTEN, failed);
        assertThat(productsWithSku(sku)).as("products left by the failed create").isZero();
        Response retry = api.postWithHeaders("/api/products", product, "Idempotency-Key", key);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.json().path("images")).hasSize(1);
        trackProduct(retry.json().path("id").asString());
        assertConsistent();
        assertThat(productsWithSku(sku)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(UploadRoute.class)
    void deletingMediaThatFailsAfterItsRowIsGoneLeavesNoBytesBehind(UploadRoute route) {
        Place place = place();
        Sample shared = route.sample();
        Sample own = route.sample();
        String sharedUrl = uploaded(route, place, shared);
        uploaded(route, place(), shared);
        String ownUrl = uploaded(route, place, own);
        assertThat(deleteMedia(route, place, sharedUrl).status()).isEqualTo(204);
        faults.throwAt(Step.MEDIA_ROW_DELETED);

        Response failed = deleteMedia(route, place, ownUrl);

        // 500: the row is gone but the request did not finish; a retry gets 404 and
        // changes nothing.
        assertFailedAt(Step.MEDIA_ROW_DELETED, failed);
        assertProblem(api.fetch("GET", ownUrl), 404, "media-not-found");
        assertConsistent();
        assertThat(storedHashes()).doesNotContain(own.sha256()).contains(shared.sha256());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(OwnerDeletion.class)
    void deletingAnOwnerThatFailsAfterTheDocumentStepLeavesOnlyOrphansTheReconcilerRemoves(OwnerDeletion deletion) {
        Place place = place();
        DoomedMedia doomed = mediaOfOwnerToDelete(deletion, place, place());
        faults.throwAt(deletion.boundary);

        Response failed = api.delete(deletion.path(place));

        // 500, not 204: the service cannot tell whether the media rows went too, so it
        // does not claim success. For
        // every reader the owner is gone already (reads start from MongoDB); a retry gets
        // 404.
        assertFailedAt(deletion.boundary, failed);
        assertThat(ownerVisible(deletion, place)).isFalse();
        forgetAll(doomed.urls());
        assertConsistent();
        assertThat(storedHashes()).doesNotContainAnyElementsOf(doomed.ownSha256s()).contains(doomed.sharedSha256());
    }

    @ParameterizedTest(name = "failing at {0}")
    @EnumSource(value = Step.class, names = { "COLLECTOR_ROWS_DELETED", "COLLECTOR_BYTES_DELETED" })
    void theCollectorFailingAtAStepBoundaryRetriesLaterAndNeverTakesBytesInUse(Step boundary) {
        Place place = place();
        Sample shared = Sample.image();
        Sample own = Sample.image();
        String sharedUrl = uploaded(UploadRoute.PRODUCT_IMAGES, place, shared);
        String keptUrl = uploaded(UploadRoute.PRODUCT_IMAGES, place(), shared);
        String ownUrl = uploaded(UploadRoute.PRODUCT_IMAGES, place, own);
        assertThat(deleteMedia(UploadRoute.PRODUCT_IMAGES, place, sharedUrl).status()).isEqualTo(204);
        assertThat(deleteMedia(UploadRoute.PRODUCT_IMAGES, place, ownUrl).status()).isEqualTo(204);
        faults.throwAt(boundary);

        reconcile();

        // Its transaction rolled back and the blob was put off; the run itself went on,
        // and nothing in use was hit.
        assertThat(faults.fired()).isEqualTo(boundary);
        assertThat(count("SELECT count(*) FROM blob_deletions WHERE attempts = 1")).isEqualTo(1);
        assertServed(keptUrl, shared.sha256());
        // The collector retries after a pause: let that pause be over.
        jdbc.sql("UPDATE blob_deletions SET next_attempt_at = now()").update();
        assertConsistent();
        assertThat(storedHashes()).doesNotContain(own.sha256()).contains(shared.sha256());
    }

}
