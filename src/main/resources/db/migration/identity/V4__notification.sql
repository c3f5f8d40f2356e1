-- Notices to users (e.g. a supervisor told of a subordinate's break-the-glass access). Ids and codes only.
create table notification (
    id          uuid        primary key,
    user_id     uuid        not null references user_account (id),
    kind        varchar(60) not null,
    about_user  uuid,
    object_type varchar(40),
    object_id   varchar(64),
    created_at  timestamptz not null,
    read_at     timestamptz
);
create index notification_user on notification (user_id, created_at desc);
