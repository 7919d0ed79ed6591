-- Which running request holds an in-progress key: set when the key is claimed or taken over, required by every
-- later write, so a request that lost its key (taken over after the in-progress timeout) cannot touch it again.
ALTER TABLE idempotency_keys ADD COLUMN owner_token UUID;
