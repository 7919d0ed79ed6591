package dev.dualdb.consistency.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.Multipart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parallel uploads of the same bytes to different products while other threads delete
 * most of the resulting images and the collector runs: the references to those bytes keep
 * dropping to zero and coming back. Bytes must exist exactly when some row refers to
 * them; every acknowledged image whose row remains is served whole; and an upload that
 * loses the race against the collector is told to send again (503
 * {@code upload-raced-deletion}), never 500.
 */
class ConcurrentUploadAndDeleteTests extends FaultTestSupport {

    private static final int UPLOADERS = 8;

    private static final int UPLOADS_EACH = 6;

    private static final int DELETERS = 2;

    @Test
    void bytesExistExactlyWhenSomeRowRefersToThem() throws Exception {
        Sample kept = Sample.image();
        Sample dropped = Sample.image();
        List<String> products = new ArrayList<>();
        for (int i = 0; i < UPLOADERS; i++) {
            products.add(product());
        }
        Queue<Response> uploads = new ConcurrentLinkedQueue<>();
        Queue<Response> deletes = new ConcurrentLinkedQueue<>();
        Map<String, String> acknowledgedImages = new ConcurrentHashMap<>();
        Set<String> deletedImages = ConcurrentHashMap.newKeySet();
        BlockingQueue<Uploaded> toDelete = new LinkedBlockingQueue<>();
        CountDownLatch uploadsDone = new CountDownLatch(UPLOADERS);

        ExecutorService pool = Executors.newFixedThreadPool(UPLOADERS + DELETERS + 1);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < UPLOADERS; i++) {
                String product = products.get(i);
                boolean keepsItsLastImage = i % 2 == 0;
                work.add(pool.submit(() -> {
                    try {
                        // Alternately the two images; all but the last "kept" image of
                        // every other product are
                        // deleted again, so the references to both keep dropping to zero
                        // while uploads go on.
                        for (int j = 0; j < UPLOADS_EACH; j++) {
                            Sample file = (j % 2 == 0) ? kept : dropped;
                            Response response = uploadImage(product, file);
                            uploads.add(response);
                            if (response.status() == 201) {
                                String image = response.json().get(0).path("id").asString();
                                acknowledgedImages.put(image, file.sha256());
                                boolean keep = file == kept && keepsItsLastImage && j >= UPLOADS_EACH - 2;
                                if (!keep) {
                                    toDelete.add(new Uploaded(product, image));
                                }
                            }
                        }
                    }
                    finally {
                        uploadsDone.countDown();
                    }
                    return null;
                }));
            }
            for (int i = 0; i < DELETERS; i++) {
                work.add(pool.submit(() -> {
                    while (uploadsDone.getCount() > 0 || !toDelete.isEmpty()) {
                        Uploaded next = toDelete.poll(10, TimeUnit.MILLISECONDS);
                        if (next != null) {
                            Response response = api
                                .delete("/api/products/" + next.product() + "/images/" + next.image());
                            deletes.add(response);
                            deletedImages.add(next.image());
                        }
                    }
                    return null;
                }));
            }
            work.add(pool.submit(() -> {
                while (uploadsDone.getCount() > 0) {
                    collector.collectDue();
                    Thread.sleep(1);
                }
                return null;
            }));
            for (Future<?> done : work) {
                done.get(2, TimeUnit.MINUTES);
            }
        }
        finally {
            pool.shutdownNow();
        }
        collector.collectAllDue();

        assertThat(uploads).hasSize(UPLOADERS * UPLOADS_EACH).allSatisfy((response) -> {
            if (response.status() != 201) {
                assertProblem(response, 503, "upload-raced-deletion");
            }
        });
        assertThat(deletes).extracting(Response::status).containsOnly(204);
        // Exactly the acknowledged images that were not deleted remain, each served
        // whole.
        Map<String, String> remaining = new ConcurrentHashMap<>(acknowledgedImages);
        remaining.keySet().removeAll(deletedImages);
        List<String> rows = jdbc.sql("SELECT id::text FROM product_images WHERE mongo_product_id = ANY(?)")
            .param(products.toArray(String[]::new))
            .query(String.class)
            .list();
        assertThat(rows).containsExactlyInAnyOrderElementsOf(remaining.keySet());
        remaining.forEach((image, sha256) -> assertServed("/media/" + image, sha256));
        assertThat(remaining.values()).containsOnly(kept.sha256());
        // Bytes, index rows and references agree (thumbnails included), before the
        // reconciler has looked.
        assertThat(storedHashes().contains(kept.sha256())).as("kept bytes stored").isEqualTo(!remaining.isEmpty());
        assertThat(storedHashes()).doesNotContain(dropped.sha256());
        assertIndexMatchesStore();
        assertConsistent();
    }

    private Response uploadImage(String product, Sample file) {
        return api.multipart("/api/products/" + product + "/images",
                new Multipart().file("files", file.fileName(), file.contentType(), file.bytes()));
    }

    private record Uploaded(String product, String image) {
    }

}
