-- Service-item catalogue versions imported by the LTC office (the official catalogue, 第五章 / spec §5.2). A version
-- is stored only from a file without rejected rows; its items never change afterwards (a new version replaces it).
create table ltc_catalogue_version (
    id             varchar(60)  primary key,
    doc_no         varchar(200) not null,
    issuer         varchar(200) not null,
    effective_from date         not null unique,
    file_sha256    char(64)     not null,
    job_id         uuid         not null,
    imported_by    uuid         not null,
    imported_at    timestamptz  not null default now()
);

create table ltc_catalogue_item (
    version_id      varchar(60)  not null references ltc_catalogue_version (id),
    code            varchar(40)  not null,
    name            varchar(200) not null,
    category        varchar(20)  not null check (category in ('LIFE_CARE', 'MEDICAL_CARE', 'DEVICE')),
    sub_category    varchar(100),
    unit            varchar(20)  not null,
    unit_price_fen  bigint       not null check (unit_price_fen >= 0),
    consumable      boolean      not null,
    levels          varchar(10)  not null,
    benefit_groups  varchar(40)  not null,
    qualification   varchar(10)  check (qualification in ('CARER', 'NURSE')),
    row_no          integer      not null,
    primary key (version_id, code)
);
