package dev.dualdb.consistency;

import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

import dev.dualdb.consistency.internal.ReconcilerRun;

/**
 * Finds and repairs drift between MongoDB, PostgreSQL and the blob store: media rows
 * whose owner is gone, bytes that nothing refers to, index rows whose bytes are missing
 * or differ. One instance at a time runs it (a PostgreSQL advisory lock); it walks
 * everything in batches, so memory stays bounded.
 */
@Service
public class Reconciler {

    private final ReconcilerRun run;

    Reconciler(ReconcilerRun run) {
        this.run = run;
    }

    /**
     * Runs every check now.
     * @param dryRun find and report, repair nothing
     * @param fullAudit re-hash every blob (a scheduled run re-hashes a sample)
     * @param progress receives a line now and then, for the command line
     * @return the report, or empty if another instance is running the reconciler right
     * now
     */
    public Optional<ReconciliationReport> reconcile(boolean dryRun, boolean fullAudit, Consumer<String> progress) {
        return this.run.run(dryRun, fullAudit, progress);
    }

    /**
     * The newest report of any instance, if a run has finished.
     * @return the newest report, or empty if no run has finished yet
     */
    public Optional<ReconciliationReport> latestReport() {
        return this.run.latest();
    }

}
