package dev.dualdb.consistency.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.dualdb.consistency.ReconcilerCheck;
import dev.dualdb.consistency.ReconciliationReport;
import dev.dualdb.postgres.PostgresDatabase;

/**
 * One reconciler run under the leader lock: every check in turn, then the report is
 * saved.
 */
@Component
public class ReconcilerRun {

    static final String LEADER_LOCK = "dualdb-reconciler";

    private static final Logger log = LoggerFactory.getLogger(ReconcilerRun.class);

    private final PostgresDatabase database;

    private final List<ReconcilerCheck> checks;

    private final ReportStore reports;

    private final MeterRegistry metrics;

    ReconcilerRun(PostgresDatabase database, List<ReconcilerCheck> checks, ReportStore reports, MeterRegistry metrics) {
        this.database = database;
        this.checks = checks;
        this.reports = reports;
        this.metrics = metrics;
    }

    public Optional<ReconciliationReport> run(boolean dryRun, boolean fullAudit, Consumer<String> progress) {
        return this.database.withLeaderLock(LEADER_LOCK, () -> {
            Instant started = Instant.now();
            Tally tally = new Tally(this.metrics);
            for (ReconcilerCheck check : this.checks) {
                check.run(tally, dryRun, fullAudit, progress);
            }
            ReconciliationReport report = new ReconciliationReport(started, Instant.now(), dryRun, fullAudit,
                    tally.findings());
            this.reports.save(report);
            log.info("Reconciliation finished in {} ms (dry run: {}, full audit: {}): {}", report.duration().toMillis(),
                    dryRun, fullAudit, report.findings());
            return report;
        });
    }

    public Optional<ReconciliationReport> latest() {
        return this.reports.latest();
    }

}
