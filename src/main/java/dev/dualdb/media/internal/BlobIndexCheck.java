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
 * missing, or whose size or hash differ, are reported (nothing can safely repair lost or
 * damaged bytes). Sizes are checked for every row; hashes for a sample, or for every row
 * in a full audit.
 */
@Component
@Order(2)
class BlobIndexCheck implements ReconcilerCheck {

    private final MediaInventory inventory;

    private final BlobStore store;

    private final ReconcilerProperties properties;

    BlobIndexCheck(MediaInventory inventory, BlobStore store, ReconcilerProperties properties) {
        this.inventory = inventory;
        this.store = store;
        this.properties = properties;
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
                checkSize(blob, findings);
                if (fullAudit) {
                    checkHash(blob, findings);
                }
            }
            checked += batch.size();
            progress.accept("blob index: " + checked + " rows checked against the store so far");
        }
        progress.accept("blob index: " + checked + " rows checked against the store");
        if (!fullAudit) {
            this.inventory.sampleBlobs(this.properties.sampleSize()).forEach((blob) -> checkHash(blob, findings));
        }
    }

    private void checkSize(BlobRecord blob, Findings findings) {
        OptionalLong size = this.store.size(blob.sha256());
        if (size.isEmpty()) {
            findings.found("missingBytes", blob.sha256());
        }
        else if (size.getAsLong() != blob.sizeBytes()) {
            findings.found("sizeMismatches",
                    blob.sha256() + " (index " + blob.sizeBytes() + ", store " + size.getAsLong() + ")");
        }
    }

    private void checkHash(BlobRecord blob, Findings findings) {
        var content = this.store.open(blob.sha256());
        if (content.isEmpty()) {
            return; // reported as missing by the size check
        }
        try (BlobContent bytes = content.get(); InputStream in = new DigestInputStream(bytes.stream(), sha256())) {
            in.transferTo(OutputStream.nullOutputStream());
            String actual = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            if (!actual.equals(blob.sha256())) {
                findings.found("hashMismatches", blob.sha256() + " (bytes hash to " + actual + ")");
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
