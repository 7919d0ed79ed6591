-- Rate-limit buckets (Bucket4j's PostgreSQL proxy manager, select-for-update flavour), shared by every instance.
-- id names the limit and whom it counts ("login-address:203.0.113.7"); state is Bucket4j's serialized bucket;
-- expires_at (epoch milliseconds) is when a bucket is full again and may be forgotten.
CREATE TABLE rate_limit_buckets (
    id          TEXT    PRIMARY KEY CHECK (length(id) <= 400),
    state       BYTEA,
    expires_at  BIGINT
);
-- Serves the pruning of forgotten buckets (removeExpired).
CREATE INDEX idx_rate_limit_buckets_expires_at ON rate_limit_buckets (expires_at);

-- The audit trail: every write by an admin or an instructor, every failed login.
CREATE TABLE audit_events (
    id              BIGSERIAL    PRIMARY KEY,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    user_id         CHAR(24)     CHECK (user_id ~ '^[0-9a-f]{24}$'),
    action          VARCHAR(16)  NOT NULL CHECK (action IN ('WRITE', 'LOGIN_FAILED')),
    method          VARCHAR(10)  NOT NULL,
    route           VARCHAR(500) NOT NULL,
    target_ids      VARCHAR(1000),
    status          SMALLINT     NOT NULL CHECK (status BETWEEN 100 AND 599),
    client_address  VARCHAR(64),
    detail          VARCHAR(320)
);
-- Serves the newest-first page and the pruning by age.
CREATE INDEX idx_audit_events_occurred_at ON audit_events (occurred_at DESC, id DESC);
-- Serves the page filtered by user.
CREATE INDEX idx_audit_events_user ON audit_events (user_id, occurred_at DESC, id DESC);
