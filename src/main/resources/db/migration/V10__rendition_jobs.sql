-- Thumbnails are made off the upload's request path: the upload's transaction queues one job per source blob
-- (per hash, however many media rows share the bytes); a worker on every instance claims due jobs with
-- FOR UPDATE SKIP LOCKED, holds them for a lease (claimed_until), makes the renditions and deletes the job.
-- A failure is retried later with a growing pause; after the configured number of attempts the job stays, with
-- failed_at and last_error set, for the reconciler's report and an operator. When the collector deletes the
-- source blob's row, its job goes with it.
CREATE TABLE rendition_jobs (
    source_sha256    CHAR(64)     PRIMARY KEY REFERENCES blobs (sha256) ON DELETE CASCADE,
    queued_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    attempts         INTEGER      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    claimed_until    TIMESTAMPTZ,
    failed_at        TIMESTAMPTZ,
    last_error       TEXT
);
-- Serves the worker's "what is due" query; failed jobs are out of it.
CREATE INDEX idx_rendition_jobs_due ON rendition_jobs (next_attempt_at) WHERE failed_at IS NULL;
