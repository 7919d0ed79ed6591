package dev.dualdb.media.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The queue of thumbnails still to make ({@code rendition_jobs}, one row per source
 * blob). A job is queued in the transaction that records the upload, so it exists exactly
 * when the upload's row does; it is claimed for a lease with
 * {@code FOR UPDATE SKIP LOCKED} (so instances never take the same job, and a job whose
 * worker died is taken again when its lease ends), deleted in the transaction that
 * records its renditions, and otherwise postponed with a doubling pause until it is kept
 * as failed.
 */
@Component
public class RenditionJobs {

    private final RenditionJobSettings settings;

    RenditionJobs(RenditionJobSettings settings) {
        this.settings = settings;
    }

    /**
     * Queues the thumbnails of an image unless it has them all already or is queued
     * (several media rows sharing the bytes share one job).
     * @param jdbc the client of the caller's transaction
     * @param sha256 the image's hash
     * @param plannedWidths how many thumbnails the image gets
     */
    public static void enqueue(JdbcClient jdbc, String sha256, int plannedWidths) {
        jdbc.sql("""
                INSERT INTO rendition_jobs (source_sha256)
                SELECT :h WHERE (SELECT count(*) FROM renditions WHERE source_sha256 = :h) < :planned
                ON CONFLICT (source_sha256) DO NOTHING""").param("h", sha256).param("planned", plannedWidths).update();
    }

    /**
     * Claims up to a batch of due jobs for the lease: due are the jobs not failed whose
     * next attempt has come, which includes those whose lease ended (uses
     * {@code idx_rendition_jobs_due}).
     * @param jdbc the client of the caller's transaction
     * @return the claimed jobs, each with the number of the attempt it is now on
     */
    List<Claimed> claim(JdbcClient jdbc) {
        return jdbc.sql("""
                UPDATE rendition_jobs
                SET attempts = attempts + 1, claimed_until = now() + make_interval(secs => :lease),
                    next_attempt_at = now() + make_interval(secs => :lease)
                WHERE source_sha256 IN (
                    SELECT source_sha256 FROM rendition_jobs
                    WHERE failed_at IS NULL AND next_attempt_at <= now()
                    ORDER BY next_attempt_at LIMIT :batch FOR UPDATE SKIP LOCKED)
                RETURNING source_sha256, attempts""")
            .param("lease", this.settings.lease().toMillis() / 1000.0)
            .param("batch", this.settings.batchSize())
            .query((rs, row) -> new Claimed(rs.getString("source_sha256").trim(), rs.getInt("attempts")))
            .list();
    }

    /**
     * Notes a failed attempt: the job is retried after a pause that doubles with each
     * attempt, or kept as failed once it has had its attempts. A job not queued (a
     * thumbnail asked for on first request) is queued with the failure.
     * @param jdbc the client of the caller's transaction
     * @param sha256 the image's hash
     * @param error what went wrong
     * @param claimed whether the attempt was a claim of the job (and so already counted)
     * rather than a request that could not wait for it
     */
    void failed(JdbcClient jdbc, String sha256, String error, boolean claimed) {
        if (!claimed) {
            jdbc.sql("""
                    INSERT INTO rendition_jobs (source_sha256, attempts) VALUES (:h, 1)
                    ON CONFLICT (source_sha256) DO UPDATE SET attempts = rendition_jobs.attempts + 1""")
                .param("h", sha256)
                .update();
        }
        jdbc.sql("""
                UPDATE rendition_jobs
                SET last_error = :error, claimed_until = NULL,
                    failed_at = CASE WHEN attempts >= :max THEN now() END,
                    next_attempt_at = now() + least(make_interval(secs => :first * power(2, greatest(attempts - 1, 0))),
                                                    make_interval(secs => :maxBackoff))
                WHERE source_sha256 = :h""")
            .param("h", sha256)
            .param("error", error)
            .param("max", this.settings.maxAttempts())
            .param("first", this.settings.retryDelay().toMillis() / 1000.0)
            .param("maxBackoff", this.settings.maxBackoff().toMillis() / 1000.0)
            .update();
    }

    /**
     * Whether the image's job is kept as failed (its thumbnails are then not tried again
     * on request, until an operator queues it again).
     * @param jdbc the client of the caller's transaction or connection
     * @param sha256 the image's hash
     * @return whether its job failed for good
     */
    static boolean hasFailed(JdbcClient jdbc, String sha256) {
        return jdbc
            .sql("SELECT EXISTS (SELECT 1 FROM rendition_jobs WHERE source_sha256 = :h AND failed_at IS NOT NULL)")
            .param("h", sha256)
            .query(Boolean.class)
            .single();
    }

    /**
     * Removes the image's job: its thumbnails are made, or its bytes are no longer
     * needed.
     * @param jdbc the client of the caller's transaction
     * @param sha256 the image's hash
     */
    static void done(JdbcClient jdbc, String sha256) {
        jdbc.sql("DELETE FROM rendition_jobs WHERE source_sha256 = :h").param("h", sha256).update();
    }

    /**
     * A job claimed by this worker.
     *
     * @param sha256 the image's hash
     * @param attempt the number of this attempt, from 1
     */
    record Claimed(String sha256, int attempt) {
    }

}
