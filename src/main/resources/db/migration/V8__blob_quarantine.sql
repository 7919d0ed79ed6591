-- Bytes found not to hash to their key (damaged on disk or in the bucket) are quarantined: the media that
-- uses them is answered with 409 media-quarantined instead of wrong bytes under the old ETag, until an
-- operator restores the bytes and clears the mark (see docs/operations.md). V8, not V7: V7 is the security
-- tables' number.
ALTER TABLE blobs ADD COLUMN quarantined_at TIMESTAMPTZ;
ALTER TABLE blobs ADD COLUMN quarantine_reason VARCHAR(500);
-- The reconciler's report counts and lists the quarantined blobs.
CREATE INDEX idx_blobs_quarantined ON blobs (quarantined_at) WHERE quarantined_at IS NOT NULL;
