package dev.dualdb.consistency.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import dev.dualdb.consistency.Findings;
import dev.dualdb.consistency.ReconciliationReport;

/**
 * Counts findings and repairs of one run, keeps a few examples, and exports both as
 * metrics.
 */
final class Tally implements Findings {

    private static final int EXAMPLES = 10;

    private final Map<String, long[]> counts = new LinkedHashMap<>();

    private final Map<String, List<String>> examples = new LinkedHashMap<>();

    private final MeterRegistry metrics;

    Tally(MeterRegistry metrics) {
        this.metrics = metrics;
        ReconciliationReport.KINDS.forEach((kind) -> {
            this.counts.put(kind, new long[2]);
            this.examples.put(kind, new ArrayList<>());
        });
    }

    @Override
    public void found(String kind, String example) {
        found(kind, 1, example);
    }

    /**
     * {@code count} findings of one kind, with one example (an id, a hash) for all of
     * them.
     */
    @Override
    public void found(String kind, long count, String example) {
        this.counts.get(kind)[0] += count;
        if (!example.isEmpty() && this.examples.get(kind).size() < EXAMPLES) {
            this.examples.get(kind).add(example);
        }
        this.metrics.counter("dualdb.reconciler.found", "kind", kind).increment(count);
    }

    @Override
    public void repaired(String kind, long count) {
        this.counts.get(kind)[1] += count;
        this.metrics.counter("dualdb.reconciler.repaired", "kind", kind).increment(count);
    }

    Map<String, ReconciliationReport.Finding> findings() {
        Map<String, ReconciliationReport.Finding> findings = new LinkedHashMap<>();
        this.counts.forEach((kind, c) -> findings.put(kind,
                new ReconciliationReport.Finding(c[0], c[1], List.copyOf(this.examples.get(kind)))));
        return findings;
    }

}
