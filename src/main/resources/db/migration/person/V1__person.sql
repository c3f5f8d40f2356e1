-- The resident registry. ID number, phone and address are encrypted in the application (AES-256-GCM, key id inside
-- the value) and searched through keyed blind indexes (HMAC-SHA-256); sex and birth date are stored as their own
-- fields so that routine pages never decrypt the ID number.
create table person (
    id                   uuid         primary key,
    id_number_enc        bytea        not null,
    id_number_idx        bytea        not null,
    name                 varchar(60)  not null,
    sex                  varchar(6)   not null check (sex in ('MALE', 'FEMALE')),
    birth_date           date         not null,
    phone_enc            bytea,
    phone_idx            bytea,
    hukou_region         char(12)     not null,
    residence_region     char(12)     not null,
    residence_path       ltree        not null,
    address_enc          bytea,
    living_arrangement   varchar(40)  check (living_arrangement in ('ALONE', 'ONLY_WITH_SEVERELY_DISABLED_CHILD',
                                             'PURE_ELDERLY_HOUSEHOLD', 'WITH_FAMILY', 'IN_INSTITUTION')),
    household_income_fen bigint       check (household_income_fen >= 0),
    death_date           date,
    demo                 boolean      not null default false,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    version              integer      not null default 0
);
create unique index person_id_number on person (id_number_idx);
create index person_name_trgm on person using gin (name gin_trgm_ops);
create index person_residence on person using gist (residence_path);
create index person_phone on person (phone_idx) where phone_idx is not null;

-- Tags (特困, 低保 …), each valid over a period (valid_to inclusive, open when null).
create table person_tag (
    person_id  uuid        not null references person (id),
    tag        varchar(40) not null,
    valid_from date        not null,
    valid_to   date,
    primary key (person_id, tag, valid_from),
    check (valid_to is null or valid_to >= valid_from)
);

create table emergency_contact (
    person_id uuid        not null references person (id),
    seq       smallint    not null,
    name      varchar(60) not null,
    relation  varchar(30) not null,
    phone_enc bytea       not null,
    primary key (person_id, seq)
);
