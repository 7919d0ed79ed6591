package dev.dualdb.media.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import dev.dualdb.blob.BlobStore;
import dev.dualdb.postgres.PostgresDatabase;
import dev.dualdb.postgres.PostgresUnavailable;
import dev.dualdb.system.Step;
import dev.dualdb.system.Steps;

/**
 * Deletes bytes that nothing refers to any more. Deleting a media row queues its hash
 * (same transaction); here, one transaction per hash claims the queue entry, takes the
 * hash's lock (the one an upload takes before it writes a row for the same bytes), and
 * only if no row refers to the hash removes its thumbnails' links, its index row and,
 * last, the bytes. If deleting the bytes fails the transaction rolls back and the entry
 * is retried later with a growing pause; so bytes are gone exactly when no row refers to
 * them.
 */
@Service
public class BlobCollector {

    private static final Logger log = LoggerFactory.getLogger(BlobCollector.class);

    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);

    private final PostgresDatabase database;

    private final BlobStore store;

    private final CollectorSettings settings;

    private final Steps steps;

    private final MediaChanges changes;

    public BlobCollector(PostgresDatabase database, BlobStore store, CollectorSettings settings, Steps steps,
            MediaChanges changes) {
        this.steps = steps;
        this.changes = changes;
        this.database = database;
        this.store = store;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${dualdb.collector.interval:10s}",
            initialDelayString = "${dualdb.collector.interval:10s}")
    void scheduled() {
        if (!this.database.enabled()) {
            return;
        }
        try {
            collectDue();
        }
        catch (PostgresUnavailable ex) {
            log.debug("Blob collection skipped: {}", ex.getMessage());
        }
    }

    /**
     * Handles up to one batch of due queue entries now.
     * @return how many blobs were deleted
     */
    public int collectDue() {
        return round().deleted();
    }

    /**
     * Handles every entry that is due now (for the reconciler).
     * @return how many blobs were deleted
     */
    public int collectAllDue() {
        int deleted = 0;
        Round round;
        do {
            round = round();
            deleted += round.deleted();
        }
        while (round.handled() == this.settings.batchSize());
        return deleted;
    }

    private Round round() {
        int deleted = 0;
        int handled = 0;
        for (int i = 0; i < this.settings.batchSize(); i++) {
            Outcome outcome = collectOne();
            if (outcome == Outcome.NOTHING_DUE) {
                break;
            }
            handled++;
            if (outcome == Outcome.DELETED) {
                deleted++;
            }
        }
        return new Round(handled, deleted);
    }

    private Outcome collectOne() {
        AtomicReference<String> claimed = new AtomicReference<>();
        try {
            return this.database.write((jdbc) -> {
                Optional<String> due = jdbc.sql("""
                        SELECT sha256 FROM blob_deletions WHERE next_attempt_at <= now()
                        ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED""").query(String.class).optional();
                if (due.isEmpty()) {
                    return Outcome.NOTHING_DUE;
                }
                String hash = due.get().trim();
                claimed.set(hash);
                BlobIndex.lock(jdbc, hash);
                jdbc.sql("DELETE FROM blob_deletions WHERE sha256 = :h").param("h", hash).update();
                if (BlobReferences.count(jdbc, hash) > 0) {
                    return Outcome.KEPT;
                }
                List<String> thumbnails = jdbc
                    .sql("DELETE FROM renditions WHERE source_sha256 = :h" + " RETURNING blob_sha256")
                    .param("h", hash)
                    .query(String.class)
                    .list();
                BlobReferences.queueForCollection(jdbc, thumbnails);
                jdbc.sql("DELETE FROM blobs WHERE sha256 = :h").param("h", hash).update();
                this.changes.bytesDeleted(jdbc, List.of(hash));
                this.steps.reached(Step.COLLECTOR_ROWS_DELETED);
                // Last, still under the lock: if this fails, everything above rolls back
                // and the entry stays queued.
                this.store.delete(hash);
                this.steps.reached(Step.COLLECTOR_BYTES_DELETED);
                return Outcome.DELETED;
            });
        }
        catch (PostgresUnavailable ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            if (claimed.get() == null) {
                throw ex;
            }
            postpone(claimed.get(), ex);
            return Outcome.FAILED;
        }
    }

    private void postpone(String hash, RuntimeException failure) {
        log.warn("Could not delete blob {}; will retry: {}", hash, failure.getMessage());
        this.database.write((jdbc) -> jdbc.sql("""
                UPDATE blob_deletions SET attempts = attempts + 1, last_error = :error,
                    next_attempt_at = now() + least(make_interval(secs => :first * power(2, attempts)),
                                                    make_interval(secs => :max))
                WHERE sha256 = :h""")
            .param("h", hash)
            .param("error", String.valueOf(failure.getMessage()))
            .param("first", (double) FIRST_RETRY.toSeconds())
            .param("max", (double) this.settings.maxBackoff().toSeconds())
            .update());
    }

    private record Round(int handled, int deleted) {
    }

    private enum Outcome {

        NOTHING_DUE, KEPT, DELETED, FAILED

    }

}
