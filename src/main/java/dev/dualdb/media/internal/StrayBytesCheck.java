package dev.dualdb.media.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.dualdb.blob.BlobStore;
import dev.dualdb.consistency.Findings;
import dev.dualdb.consistency.ReconcilerCheck;
import dev.dualdb.consistency.ReconcilerProperties;

/**
 * Finds bytes in the store that no index row knows (an upload that crashed, or failed in
 * PostgreSQL, after its bytes were stored) and, once older than the grace period, queues
 * them for the collector, which deletes them under the hash's lock unless a row has
 * appeared meanwhile. Also removes temporary files of abandoned uploads.
 */
@Component
@Order(3)
class StrayBytesCheck implements ReconcilerCheck {

    private final MediaInventory inventory;

    private final BlobStore store;

    private final ReconcilerProperties properties;

    StrayBytesCheck(MediaInventory inventory, BlobStore store, ReconcilerProperties properties) {
        this.inventory = inventory;
        this.store = store;
        this.properties = properties;
    }

    @Override
    public void run(Findings findings, boolean dryRun, boolean fullAudit, Consumer<String> progress) {
        Instant graceEnd = Instant.now().minus(this.properties.blobGrace());
        List<String> batch = new ArrayList<>();
        long[] listed = { 0 };
        this.store.forEachBlob((blob) -> {
            listed[0]++;
            if (blob.lastModified().isBefore(graceEnd)) {
                batch.add(blob.sha256());
            }
            if (batch.size() == this.properties.batchSize()) {
                handle(batch, findings, dryRun);
                progress.accept("store: " + listed[0] + " blobs listed");
            }
        });
        handle(batch, findings, dryRun);
        progress.accept("store: " + listed[0] + " blobs listed");
        if (!dryRun) {
            int purged = this.store
                .purgeAbandonedUploads((this.properties.blobGrace().compareTo(Duration.ofMinutes(1)) < 0)
                        ? Duration.ofMinutes(1) : this.properties.blobGrace());
            if (purged > 0) {
                progress.accept("store: " + purged + " abandoned temporary files removed");
            }
        }
    }

    private void handle(List<String> candidates, Findings findings, boolean dryRun) {
        List<String> stray = this.inventory.notIndexed(candidates);
        stray.forEach((hash) -> findings.found("strayBytes", hash));
        if (!dryRun && !stray.isEmpty()) {
            this.inventory.queueForCollection(stray);
            findings.repaired("strayBytes", stray.size());
        }
        candidates.clear();
    }

}
