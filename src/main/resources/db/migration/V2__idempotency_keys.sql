-- Idempotency keys of POST requests that create something (DESIGN §4): a retry with the same key within the
-- retention period replays the first response instead of creating anything again.
CREATE TABLE idempotency_keys (
    idempotency_key        VARCHAR(255) PRIMARY KEY,
    request_method         VARCHAR(10)  NOT NULL,
    request_path           TEXT         NOT NULL,
    request_fingerprint    CHAR(64)     CHECK (request_fingerprint ~ '^[0-9a-f]{64}$'),
    state                  VARCHAR(16)  NOT NULL CHECK (state IN ('IN_PROGRESS', 'COMPLETED')),
    -- An id reserved for the thing being created, so that a retry after a crash finishes the first attempt
    -- instead of creating a second one.
    reserved_id            CHAR(24)     CHECK (reserved_id ~ '^[0-9a-f]{24}$'),
    response_status        INTEGER      CHECK (response_status BETWEEN 100 AND 599),
    response_content_type  VARCHAR(255),
    response_location      TEXT,
    response_body          BYTEA,
    created_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at             TIMESTAMPTZ  NOT NULL,
    CHECK ((state = 'COMPLETED') = (response_status IS NOT NULL AND request_fingerprint IS NOT NULL))
);
-- Serves the clean-up of expired keys.
CREATE INDEX idx_idempotency_keys_expires_at ON idempotency_keys (expires_at);
