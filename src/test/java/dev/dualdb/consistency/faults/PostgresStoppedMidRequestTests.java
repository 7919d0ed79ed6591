package dev.dualdb.consistency.faults;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import dev.dualdb.embedded.EmbeddedPostgresServer;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.system.Step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stops in the middle of a request, at a step boundary (the
 * {@link FaultInjector} stops it there). Where the PostgreSQL step was still to come, the
 * request fails cleanly with 503 and {@code Retry-After}; where it was done, the request
 * succeeds. Once PostgreSQL is back, the reconciler cleans up and the invariants hold.
 *
 * <p>
 * PostgreSQL is started again after each test and the service recovers by itself (what
 * {@code
 * PostgresOutageTests} proves), so this class shares its context with the other fault
 * tests rather than pay for a context of its own.
 */
class PostgresStoppedMidRequestTests extends FaultTestSupport {

    @Autowired
    EmbeddedPostgresServer postgres;

    @AfterEach
    void startPostgresAgain() {
        postgresIsBack();
    }

    private void postgresIsBack() {
        this.postgres.start();
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(api.post("/api/admin/reconciliation?dryRun=true").status()).isEqualTo(200));
    }

    private void stopPostgresAt(Step boundary) {
        faults.runAt(boundary, this.postgres::stop);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(UploadRoute.class)
    void anUploadWhosePostgresStopsAfterItsBytesAre503AndLeavesOnlyGarbage(UploadRoute route) {
        Place place = place();
        Sample file = route.sample();
        stopPostgresAt(Step.UPLOAD_BYTES_STORED);

        Response failed = upload(route, place, file);

        assertThat(faults.fired()).isEqualTo(Step.UPLOAD_BYTES_STORED);
        assertProblem(failed, 503, "media-store-unavailable");
        assertThat(failed.header("Retry-After")).isNotBlank();
        postgresIsBack();
        assertThat(visibleMedia(route, place)).isZero();
        // Its bytes could not even be queued for collection: stray bytes, which the
        // reconciler finds and removes.
        assertThat(storedHashes()).contains(file.sha256());
        assertConsistent();
        assertThat(storedHashes()).doesNotContain(file.sha256());
    }

    @Test
    void anUploadWhoseRowsWereCommittedBeforePostgresStopsIsAcknowledgedAndKept() {
        Place place = place();
        Sample file = Sample.image();
        stopPostgresAt(Step.UPLOAD_ROWS_WRITTEN);

        String url = uploaded(UploadRoute.PRODUCT_IMAGES, place, file);

        assertThat(faults.fired()).isEqualTo(Step.UPLOAD_ROWS_WRITTEN);
        postgresIsBack();
        assertConsistent();
        assertServed(url, file.sha256());
    }

    @Test
    void aProductCreatedWithFilesWhilePostgresStopsIs503AndLeavesNoProduct() {
        String sku = unique("DESK");
        Sample file = Sample.image();
        stopPostgresAt(Step.PRODUCT_DOCUMENT_WRITTEN);

        Response failed = createProductWithFiles(sku, file);

        assertThat(faults.fired()).isEqualTo(Step.PRODUCT_DOCUMENT_WRITTEN);
        assertProblem(failed, 503, "media-store-unavailable");
        assertThat(productsWithSku(sku)).as("the product is removed again").isZero();
        postgresIsBack();
        assertConsistent();
        assertThat(storedHashes()).doesNotContain(file.sha256());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = OwnerDeletion.class, names = { "PRODUCT", "COURSE", "LESSON" })
    void deletingAnOwnerWhilePostgresStopsAfterTheDocumentIs204AndTheReconcilerFinishesIt(OwnerDeletion deletion) {
        Place place = place();
        DoomedMedia doomed = mediaOfOwnerToDelete(deletion, place, place());
        stopPostgresAt(deletion.boundary);

        Response deleted = api.delete(deletion.path(place));

        // 204: the owner is gone for every reader, which is what the client asked; its
        // media rows are orphans that
        // no read reaches from the owner, left for the reconciler (DESIGN §4, degraded
        // mode).
        assertThat(faults.fired()).isEqualTo(deletion.boundary);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(ownerVisible(deletion, place)).isFalse();
        postgresIsBack();
        forgetAll(doomed.urls());
        assertConsistent();
        assertThat(storedHashes()).doesNotContainAnyElementsOf(doomed.ownSha256s()).contains(doomed.sharedSha256());
    }

    @Test
    void deletingMediaWhenPostgresStopsRightAfterTheRowIsGoneIs204() {
        Place place = place();
        Sample file = Sample.video();
        String url = uploaded(UploadRoute.COURSE_VIDEO, place, file);
        stopPostgresAt(Step.MEDIA_ROW_DELETED);

        Response deleted = deleteMedia(UploadRoute.COURSE_VIDEO, place, url);

        // The row and the queueing of its bytes were committed together before PostgreSQL
        // stopped.
        assertThat(faults.fired()).isEqualTo(Step.MEDIA_ROW_DELETED);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        postgresIsBack();
        assertThat(count("SELECT count(*) FROM blob_deletions WHERE sha256 = ?", file.sha256())).isEqualTo(1);
        assertConsistent();
        assertThat(storedHashes()).doesNotContain(file.sha256());
    }

}
