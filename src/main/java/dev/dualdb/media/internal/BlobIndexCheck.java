package dev.dualdb.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.dualdb.blob.BlobContent;
import dev.dualdb.blob.BlobStore;
import dev.dualdb.consistency.Findings;
import dev.dualdb.consistency.ReconcilerCheck;
import dev.dualdb.consistency.ReconcilerProperties;

/**
 * Checks the blob index against the store and against the rows: index rows that nothing
 * refers to (past the grace period) are queued for the collector; rows whose bytes are
 * missing are reported; bytes whose size or hash differ are quarantined (never served
 * again, nothing deleted) and reported (nothing can safely repair lost or damaged bytes).
 * Sizes are checked for every row; hashes for a sample, up to
 * {@code dualdb.reconciler.hash-budget} bytes, or for every row in a full audit. The
 * report ends with the number of blobs in quarantine.
 */
@Component
@Order(2)
class BlobIndexCheck implements ReconcilerCheck {

    private final MediaInventory inventory;

    private final BlobStore store;

    private final ReconcilerProperties properties;

    private final BlobQuarantine quarantine;

    BlobIndexCheck(MediaInventory inventory, BlobStore store, ReconcilerProperties properties,
            BlobQuarantine quarantine) {
        this.inventory = inventory;
        this.store = store;
        this.properties = properties;
        this.quarantine = quarantine;
    }

    @Override
    public void run(Findings findings, boolean dryRun, boolean fullAudit, Consumer<String> progress) {
        Instant graceEnd = Instant.now().minus(this.properties.blobGrace());
        List<String> unreferenced;
        do {
            unreferenced = this.inventory.queueUnreferencedBlobs(graceEnd, this.properties.batchSize(), dryRun);
            unreferenced.forEach((hash) -> findings.found("unreferencedBlobs", hash));
            if (!dryRun) {
                findings.repaired("unreferencedBlobs", unreferenced.size());
            }
        }
        while (!dryRun && unreferenced.size() == this.properties.batchSize());

        long checked = 0;
        String after = "";
        while (true) {
            List<BlobRecord> batch = this.inventory.blobsAfter(after, this.properties.batchSize());
            if (batch.isEmpty()) {
                break;
            }
            after = batch.get(batch.size() - 1).sha256();
            for (BlobRecord blob : batch) {
                boolean sizeMatches = checkSize(blob, findings, dryRun);
                if (fullAudit && sizeMatches) {
                    checkHash(blob, findings, dryRun);
                }
            }
            checked += batch.size();
            progress.accept("blob index: " + checked + " rows checked against the store so far");
        }
        progress.accept("blob index: " + checked + " rows checked against the store");
        if (!fullAudit) {
            long budget = this.properties.hashBudget().toBytes();
            for (BlobRecord blob : this.inventory.sampleBlobs(this.properties.sampleSize())) {
                if (blob.sizeBytes() > budget) {
                    continue;
                }
                budget -= blob.sizeBytes();
                checkHash(blob, findings, dryRun);
            }
        }
        BlobQuarantine.Quarantined quarantined = this.quarantine.quarantined(1);
        if (quarantined.count() > 0) {
            findings.found("quarantinedBlobs", quarantined.count(), quarantined.examples().get(0));
        }
    }

    private boolean checkSize(BlobRecord blob, Findings findings, boolean dryRun) {
        OptionalLong size = this.store.size(blob.sha256());
        if (size.isEmpty()) {
            findings.found("missingBytes", blob.sha256());
            return false;
        }
        if (size.getAsLong() != blob.sizeBytes()) {
            String finding = blob.sha256() + " (index " + blob.sizeBytes() + ", store " + size.getAsLong() + ")";
            findings.found("sizeMismatches", finding);
            quarantine(blob, "sizeMismatches", "reconciler: size " + size.getAsLong() + ", not " + blob.sizeBytes(),
                    findings, dryRun);
            return false;
        }
        return true;
    }

    private void quarantine(BlobRecord blob, String kind, String reason, Findings findings, boolean dryRun) {
        if (!dryRun && this.quarantine.quarantine(blob.sha256(), reason)) {
            findings.repaired(kind, 1);
        }
    }

    private void checkHash(BlobRecord blob, Findings findings, boolean dryRun) {
        var content = this.store.open(blob.sha256());
        if (content.isEmpty()) {
            return; // reported as missing by the size check
        }
        try (BlobContent bytes = content.get(); InputStream in = new DigestInputStream(bytes.stream(), sha256())) {
            in.transferTo(OutputStream.nullOutputStream());
            String actual = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            if (!actual.equals(blob.sha256())) {
                findings.found("hashMismatches", blob.sha256() + " (bytes hash to " + actual + ")");
                quarantine(blob, "hashMismatches", "reconciler: bytes hash to " + actual, findings, dryRun);
            }
        }
        catch (IOException ex) {
            findings.found("missingBytes", blob.sha256() + " (unreadable: " + ex.getMessage() + ")");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
