-- Thumbnails of stored images, made once per source bytes and width, kept as blobs of their own.
CREATE TABLE renditions (
    source_sha256  CHAR(64)     NOT NULL REFERENCES blobs (sha256),
    width          INTEGER      NOT NULL CHECK (width > 0),
    height         INTEGER      NOT NULL CHECK (height > 0),
    blob_sha256    CHAR(64)     NOT NULL REFERENCES blobs (sha256),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (source_sha256, width)
);
CREATE INDEX idx_renditions_blob ON renditions (blob_sha256);

-- Blobs that may have lost their last reference. Queued in the same transaction that deletes a metadata row;
-- the collector removes the bytes only if, under the blob row's lock, nothing refers to them any more.
CREATE TABLE blob_deletions (
    sha256           CHAR(64)     PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    queued_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    attempts         INTEGER      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_error       TEXT
);
-- Serves the collector's "what is due" query.
CREATE INDEX idx_blob_deletions_due ON blob_deletions (next_attempt_at);

-- Serves "blobs created before the grace period" in the reconciler.
CREATE INDEX idx_blobs_created_at ON blobs (created_at);

-- The reconciler's reports; the newest is shown by GET /api/admin/reconciliation.
CREATE TABLE reconciliation_reports (
    id           BIGSERIAL    PRIMARY KEY,
    started_at   TIMESTAMPTZ  NOT NULL,
    finished_at  TIMESTAMPTZ  NOT NULL,
    dry_run      BOOLEAN      NOT NULL,
    full_audit   BOOLEAN      NOT NULL,
    report       JSONB        NOT NULL
);
