package dev.dualdb.media.internal;

import java.util.function.Consumer;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.dualdb.consistency.Findings;
import dev.dualdb.consistency.ReconcilerCheck;

/**
 * The reconciler's last step: the blob deletions the checks before it queued are carried
 * out now rather than at the collector's next round.
 */
@Component
@Order(100)
class CollectQueuedBlobsCheck implements ReconcilerCheck {

    private final BlobCollector collector;

    CollectQueuedBlobsCheck(BlobCollector collector) {
        this.collector = collector;
    }

    @Override
    public void run(Findings findings, boolean dryRun, boolean fullAudit, Consumer<String> progress) {
        if (dryRun) {
            return;
        }
        int collected = this.collector.collectAllDue();
        if (collected > 0) {
            findings.found("collectedBlobs", collected, "");
        }
        findings.repaired("collectedBlobs", collected);
        progress.accept("collector: queued blobs deleted");
    }

}
