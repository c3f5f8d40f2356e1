-- Versions of the basic elderly care service list (基本养老服务清单). The document is the version: stored as submitted
-- (after its checks passed) and never edited; a change is a new version. A version is in force on a day when it is
-- active and the day is within its period; of several, the one with the latest effective_from applies.
create table service_list_version (
    code            varchar(60)  primary key,
    year            integer      not null,
    doc_no          varchar(100) not null,
    issuer          varchar(100) not null,
    effective_from  date         not null,
    effective_to    date,
    status          varchar(10)  not null check (status in ('DRAFT', 'ACTIVE', 'WITHDRAWN')),
    document        jsonb        not null,
    document_sha256 char(64)     not null,
    shipped         boolean      not null default false,
    created_by      uuid,
    created_at      timestamptz  not null default now(),
    activated_by    uuid,
    activated_at    timestamptz,
    check (effective_to is null or effective_to >= effective_from)
);
create index service_list_version_in_force on service_list_version (status, effective_from);

-- Social-assistance standards (低保, 低保边缘 …) per person and month, as published, each from its own date
-- (穗民规字〔2025〕2号 applies the 低保 amount from 2025-01-01 and the 低保边缘 amount from 2025-06-01).
create table social_assistance_standard (
    kind             varchar(20)  not null,
    amount_fen       bigint       not null check (amount_fen > 0),
    effective_from   date         not null,
    doc_no           varchar(100) not null,
    document_ends_on date,
    primary key (kind, effective_from)
);
