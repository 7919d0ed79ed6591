package dev.dualdb.media.internal;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.dualdb.blob.RenditionMaker;
import dev.dualdb.consistency.Findings;
import dev.dualdb.consistency.ReconcilerCheck;
import dev.dualdb.postgres.PostgresDatabase;

/**
 * Finds images that lack thumbnails they should have and that no job will make (rows from
 * before the queue existed, a width added to the configuration, a job removed by hand),
 * and queues them unless it is a dry run; reports jobs kept as failed and jobs whose
 * lease ran out (their worker died; any instance's worker takes them again).
 */
@Component
@Order(4)
class RenditionJobCheck implements ReconcilerCheck {

    /**
     * Stored images (the tables that record dimensions), each hash once with its width,
     * that get more thumbnails than are recorded and have no job (uses the
     * {@code idx_*_blob} indexes, the renditions and the jobs' primary keys).
     */
    private static final String MISSING = """
            SELECT m.sha256 FROM (
                SELECT blob_sha256 AS sha256, max(width) AS width FROM (
                    SELECT blob_sha256, width FROM product_images WHERE blob_sha256 IS NOT NULL AND width IS NOT NULL
                    UNION ALL
                    SELECT blob_sha256, width FROM media_storage WHERE blob_sha256 IS NOT NULL AND width IS NOT NULL
                ) images GROUP BY blob_sha256
            ) m JOIN blobs b ON b.sha256 = m.sha256
            WHERE b.content_type = ANY(:types::text[]) AND b.quarantined_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM rendition_jobs j WHERE j.source_sha256 = m.sha256)
              AND (SELECT count(*) FROM renditions r WHERE r.source_sha256 = m.sha256 AND r.width = ANY(:widths::int[]))
                  < (SELECT count(*) FROM unnest(:widths::int[]) w WHERE w < m.width)""";

    private final PostgresDatabase database;

    private final RenditionMaker maker;

    RenditionJobCheck(PostgresDatabase database, RenditionMaker maker) {
        this.database = database;
        this.maker = maker;
    }

    @Override
    public void run(Findings findings, boolean dryRun, boolean fullAudit, Consumer<String> progress) {
        this.database.write((jdbc) -> {
            missing(jdbc, findings, dryRun);
            jobs(jdbc, findings, "failedRenditionJobs", "failed_at IS NOT NULL");
            jobs(jdbc, findings, "stuckRenditionJobs", "failed_at IS NULL AND claimed_until < now()");
            return null;
        });
        progress.accept("renditions: images without thumbnails or job, failed and stuck jobs checked");
    }

    private void missing(JdbcClient jdbc, Findings findings, boolean dryRun) {
        String[] types = this.maker.decodableTypes().toArray(String[]::new);
        Integer[] widths = this.maker.widths().toArray(Integer[]::new);
        long count = jdbc.sql("SELECT count(*) FROM (" + MISSING + ") missing")
            .param("types", types)
            .param("widths", widths)
            .query(Long.class)
            .single();
        if (count == 0) {
            return;
        }
        List<String> examples = jdbc.sql(MISSING + " ORDER BY m.sha256 LIMIT 10")
            .param("types", types)
            .param("widths", widths)
            .query(String.class)
            .list();
        findings.found("missingRenditions", count, examples.get(0).trim());
        examples.stream().skip(1).forEach((hash) -> findings.found("missingRenditions", 0, hash.trim()));
        if (!dryRun) {
            int queued = jdbc
                .sql("INSERT INTO rendition_jobs (source_sha256) " + MISSING
                        + " ON CONFLICT (source_sha256) DO NOTHING")
                .param("types", types)
                .param("widths", widths)
                .update();
            findings.repaired("missingRenditions", queued);
        }
    }

    private static void jobs(JdbcClient jdbc, Findings findings, String kind, String condition) {
        List<String> examples = jdbc
            .sql("SELECT source_sha256 || coalesce(': ' || left(last_error, 200), '') FROM rendition_jobs WHERE "
                    + condition + " ORDER BY source_sha256 LIMIT 10")
            .query(String.class)
            .list();
        if (examples.isEmpty()) {
            return;
        }
        long count = jdbc.sql("SELECT count(*) FROM rendition_jobs WHERE " + condition).query(Long.class).single();
        findings.found(kind, count, examples.get(0));
        examples.stream().skip(1).forEach((example) -> findings.found(kind, 0, example));
    }

}
