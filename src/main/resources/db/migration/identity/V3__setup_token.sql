-- One-time setup token for the first administrator on an empty database outside demo mode (only its hash is kept).
create table setup_token (
    token_hash  bytea       primary key,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    used_for    uuid
);
