package dev.dualdb.consistency;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one reconciler run found and repaired, per kind of drift.
 *
 * @param startedAt when the run began
 * @param finishedAt when the run ended
 * @param dryRun whether the run only reported, repairing nothing
 * @param fullAudit whether every blob was re-hashed rather than a sample
 * @param findings per kind: how many were found, how many repaired, and a few examples
 */
public record ReconciliationReport(Instant startedAt, Instant finishedAt, boolean dryRun, boolean fullAudit,
        Map<String, Finding> findings) {

    /** The kinds of drift, in report order. */
    public static final List<String> KINDS = List.of("orphanRows", "unreferencedBlobs", "strayBytes", "missingBytes",
            "sizeMismatches", "hashMismatches", "quarantinedBlobs", "danglingMongoPointers", "missingRenditions",
            "failedRenditionJobs", "stuckRenditionJobs", "collectedBlobs");

    /**
     * How long the run took.
     * @return the time between {@code startedAt} and {@code finishedAt}
     */
    public Duration duration() {
        return Duration.between(this.startedAt, this.finishedAt);
    }

    /**
     * Found, repaired, and up to a few examples (ids or hashes) to look at.
     *
     * @param found how many cases of this kind of drift the run found
     * @param repaired how many of them it repaired (none in a dry run)
     * @param examples ids or hashes of a few of the cases, to look at
     */
    public record Finding(long found, long repaired, List<String> examples) {
    }
}
