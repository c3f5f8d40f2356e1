-- Service records (服务记录) submitted by designated providers, one line per visit or day of institution care, keyed
-- by the provider's own record id (idempotent resubmission). Every line carries its outcome and reason codes; costs
-- are priced from the catalogue version in force on the day. residence_path and provider_id scope the reads.
-- settle_month is the month whose settlement counts the line: its own month, or for an adjustment of a frozen
-- (approved or locked) month the first open month after it; the frozen line itself is never changed.
create table ltc_service_record (
    id                     uuid         primary key,
    designated_provider_id uuid         not null references ltc_designated_provider (id),
    provider_id            uuid,
    record_id              varchar(80)  not null,
    beneficiary_id         uuid         references ltc_beneficiary (id),
    residence_path         ltree        not null,
    service_date           date         not null,
    service_month          date         not null,
    settle_month           date         not null,
    caregiver_id           varchar(60),
    qualification          varchar(10)  not null check (qualification in ('CARER', 'NURSE')),
    check_in               timestamptz,
    check_out              timestamptz,
    -- check-in position: personal whereabouts, never logged
    check_in_latitude      double precision,
    check_in_longitude     double precision,
    items                  text         not null,
    bed_fee_fen            bigint       not null default 0,
    life_care_fen          bigint       not null default 0,
    medical_fen            bigint       not null default 0,
    consumables_fen        bigint       not null default 0,
    device_fen             bigint       not null default 0,
    catalogue_id           varchar(60),
    content_hash           varchar(64)  not null,
    outcome                varchar(10)  not null check (outcome in ('ACCEPTED', 'REJECTED')),
    reasons                varchar(40)[] not null,
    submitted_by           uuid         not null,
    submitted_at           timestamptz  not null default now(),
    revision               int          not null default 1,
    unique (designated_provider_id, record_id, settle_month),
    check (settle_month >= service_month),
    check (check_out is null or check_in is null or check_out > check_in)
);
create index ltc_service_record_beneficiary on ltc_service_record (beneficiary_id, service_date);
create unique index ltc_service_record_original on ltc_service_record (designated_provider_id, record_id)
    where settle_month = service_month;
create index ltc_service_record_month on ltc_service_record (service_month, outcome);
create index ltc_service_record_settle on ltc_service_record (settle_month, outcome);
create index ltc_service_record_residence on ltc_service_record using gist (residence_path);

-- Settlement runs per district (or any region) and month: PREVIEW → APPROVED (LTC officer) → LOCKED. A run built
-- from the same accepted lines gives the same rows; `completed` false with rows present means a run to resume.
create table ltc_settlement_run (
    id              uuid         primary key,
    region_code     char(12)     not null,
    region_path     ltree        not null,
    month           date         not null,
    status          varchar(10)  not null check (status in ('PREVIEW', 'APPROVED', 'LOCKED')),
    policy_id       varchar(60)  not null,
    catalogue_id    varchar(60)  not null,
    catalogue_stamp varchar(100),
    job_id          uuid,
    completed       boolean      not null default false,
    beneficiaries   int          not null default 0,
    total_fen       bigint       not null default 0,
    fund_fen        bigint       not null default 0,
    created_by      uuid         not null,
    created_at      timestamptz  not null default now(),
    approved_by     uuid,
    approved_at     timestamptz,
    locked_by       uuid,
    locked_at       timestamptz,
    unique (region_code, month)
);
create index ltc_settlement_run_region on ltc_settlement_run using gist (region_path);

-- One row per beneficiary, month of service and category of a run: the engine's settlement line, or for an earlier
-- (frozen) month the difference that an adjustment makes to what was settled for it before.
create table ltc_settlement_line (
    run_id                 uuid        not null references ltc_settlement_run (id),
    beneficiary_id         uuid        not null references ltc_beneficiary (id),
    for_month              date        not null,
    designated_provider_id uuid        not null,
    provider_id            uuid,
    residence_path         ltree       not null,
    category               varchar(30) not null,
    cost_fen               bigint      not null,
    eligible_cost_fen      bigint      not null,
    daily_limit_fen        bigint,
    limit_fen              bigint,
    limit_kind             varchar(20),
    ratio_bp               int         not null,
    fund_pay_fen           bigint      not null,
    note                   varchar(60),
    policy_id              varchar(60) not null,
    primary key (run_id, beneficiary_id, for_month, category)
);
create index ltc_settlement_line_beneficiary on ltc_settlement_line (beneficiary_id);
