package dev.dualdb.consistency.internal;

import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import dev.dualdb.consistency.ReconciliationReport;
import dev.dualdb.postgres.PostgresDatabase;

/**
 * The {@code reconciliation_reports} table: every run's report, the newest shown by the
 * admin route.
 */
@Repository
class ReportStore {

    private final PostgresDatabase database;

    private final JsonMapper json;

    ReportStore(PostgresDatabase database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    void save(ReconciliationReport report) {
        this.database.write((jdbc) -> jdbc.sql("""
                INSERT INTO reconciliation_reports (started_at, finished_at, dry_run, full_audit, report)
                VALUES (:startedAt, :finishedAt, :dryRun, :fullAudit, :report::jsonb)""")
            .param("startedAt", Timestamp.from(report.startedAt()))
            .param("finishedAt", Timestamp.from(report.finishedAt()))
            .param("dryRun", report.dryRun())
            .param("fullAudit", report.fullAudit())
            .param("report", this.json.writeValueAsString(report))
            .update());
    }

    Optional<ReconciliationReport> latest() {
        return this.database
            .read((jdbc) -> jdbc.sql("SELECT report::text FROM reconciliation_reports ORDER BY id DESC LIMIT 1")
                .query(String.class)
                .optional())
            .map((text) -> this.json.readValue(text, ReconciliationReport.class));
    }

}
