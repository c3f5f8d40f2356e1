-- What an elder (or their guardian) agreed to: data sharing between programmes, an agent acting for them, photos.
-- A withdrawal takes effect at once; rows are never deleted.
create table person_consent (
    id            uuid         primary key,
    person_id     uuid         not null references person (id),
    scope         varchar(30)  not null check (scope in ('DATA_SHARING', 'AGENT', 'PHOTO')),
    given_by      varchar(20)  not null check (given_by in ('SELF', 'GUARDIAN', 'AGENT')),
    agent_name    varchar(60),
    proof_type    varchar(40)  not null,
    proof_ref     varchar(100) not null,
    valid_from    date         not null,
    valid_to      date,
    recorded_by   uuid         not null,
    recorded_at   timestamptz  not null,
    withdrawn_at  timestamptz,
    withdrawn_by  uuid,
    check (valid_to is null or valid_to >= valid_from)
);
create index person_consent_person on person_consent (person_id, scope);
