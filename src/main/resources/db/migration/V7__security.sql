-- Refresh tokens of the built-in issuer. Only a SHA-256 of each token is kept: a copy of this table
-- does not let anyone log in. Tokens of one login form a family; a token is rotated on use (used_at
-- set, a new one of the same family issued), and the reuse of a rotated token revokes its family.
create table refresh_tokens (
    token_hash bytea primary key,
    family_id uuid not null,
    user_id text not null,
    credentials_version bigint not null,
    issued_at timestamptz not null,
    expires_at timestamptz not null,
    used_at timestamptz,
    revoked_at timestamptz
);

create index refresh_tokens_family on refresh_tokens (family_id);
create index refresh_tokens_user on refresh_tokens (user_id);
create index refresh_tokens_expiry on refresh_tokens (expires_at);

-- Idempotency keys are scoped to the caller: the stored key is the caller's user id (or "anonymous"), a
-- space, and the key the client sent (up to 255 characters).
alter table idempotency_keys alter column idempotency_key type varchar(300);
