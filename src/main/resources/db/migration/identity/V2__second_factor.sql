-- TOTP second factor (RFC 6238): the shared secret is encrypted in the application like personal data.
alter table user_account
    add column totp_secret_enc      bytea,
    add column mfa_enabled          boolean not null default false,
    add column must_change_password boolean not null default false;
