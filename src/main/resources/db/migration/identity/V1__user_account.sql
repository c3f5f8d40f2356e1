-- Users of the platform. A login is never reused: rows are disabled, never deleted.
create table user_account (
    id                uuid primary key,
    username          varchar(64)  not null unique,
    password_hash     varchar(200) not null,
    roles             text[]       not null,
    jurisdiction_code char(12)     not null,
    jurisdiction_path ltree        not null,
    provider_id       uuid,
    display_name      varchar(100),
    enabled           boolean      not null default true,
    locked_until      timestamptz,
    failed_logins     integer      not null default 0,
    last_login_at     timestamptz,
    created_at        timestamptz  not null default now()
);

-- API bearer tokens: only the SHA-256 of the token is stored.
create table api_token (
    token_hash bytea primary key,
    user_id    uuid        not null references user_account (id),
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
);
create index api_token_user on api_token (user_id);
