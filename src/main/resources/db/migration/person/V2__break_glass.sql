-- Break-the-glass grants: time-boxed access to one resident's emergency details outside the user's jurisdiction,
-- each with its typed reason (the reason is also in the audit trail).
create table break_glass_grant (
    id          uuid         primary key,
    user_id     uuid         not null,
    person_id   uuid         not null references person (id),
    reason      varchar(500) not null,
    granted_at  timestamptz  not null,
    expires_at  timestamptz  not null
);
create index break_glass_user on break_glass_grant (user_id, person_id, expires_at);
