package dev.dualdb.consistency;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one reconciler run found and repaired, per kind of drift.
 *
 * @param findings per kind: how many were found, how many repaired, and a few examples
 */
public record ReconciliationReport(Instant startedAt, Instant finishedAt, boolean dryRun, boolean fullAudit,
        Map<String, Finding> findings) {

    /** The kinds of drift, in report order. */
    public static final List<String> KINDS = List.of("orphanRows", "unreferencedBlobs", "strayBytes", "missingBytes",
            "sizeMismatches", "hashMismatches", "danglingMongoPointers", "collectedBlobs");

    public Duration duration() {
        return Duration.between(this.startedAt, this.finishedAt);
    }

    /** Found, repaired, and up to a few examples (ids or hashes) to look at. */
    public record Finding(long found, long repaired, List<String> examples) {
    }
}
