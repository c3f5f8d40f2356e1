-- LTC beneficiaries (待遇享受人员, 第十条): one record per validity period of the LTC assessment result. The level is
-- entered by the LTC officer from the assessment agency's conclusion (the Guangzhou level mapping ships empty, spec
-- §4.5). person_id is the person module's id by value (no foreign key across modules); residence_path is copied from
-- the person so that every query filters by jurisdiction; provider_id (the facility module's provider behind the
-- designation) is copied so that provider staff see only their own beneficiaries.
create table ltc_beneficiary (
    id                     uuid        primary key,
    person_id              uuid        not null,
    residence_path         ltree       not null,
    benefit_group          varchar(12) not null check (benefit_group in ('LONG_TERM', 'CONTINUING')),
    ltc_level              smallint    check (ltc_level between 1 and 3),
    level_source           varchar(20) not null check (level_source in ('OFFICER_ENTERED', 'DEMO_MAPPING')),
    care_form              varchar(12) not null check (care_form in ('HOME', 'INSTITUTION')),
    designated_provider_id uuid        not null references ltc_designated_provider (id),
    provider_id            uuid,
    valid_from             date        not null,
    valid_to               date        not null,
    -- home position of a home bed (建床), for the check-in distance; personal data, never logged
    home_latitude          double precision,
    home_longitude         double precision,
    ended_on               date,
    end_reason             varchar(20) check (end_reason in ('DEATH', 'IMPROVEMENT', 'EXPIRY', 'AGREEMENT_ENDED')),
    recorded_by            uuid        not null,
    recorded_at            timestamptz not null default now(),
    check (valid_to >= valid_from),
    check ((benefit_group = 'LONG_TERM') = (ltc_level is not null)),
    check ((ended_on is null) = (end_reason is null))
);
create index ltc_beneficiary_residence on ltc_beneficiary using gist (residence_path);
create index ltc_beneficiary_person on ltc_beneficiary (person_id, valid_from);
create index ltc_beneficiary_provider on ltc_beneficiary (designated_provider_id);

-- Hospital stays (住院、急诊留观): life care and medical nursing are suspended from admission to the day before discharge.
create table ltc_hospital_stay (
    id             uuid        primary key,
    beneficiary_id uuid        not null references ltc_beneficiary (id),
    admitted_on    date        not null,
    discharged_on  date,
    recorded_by    uuid        not null,
    recorded_at    timestamptz not null default now(),
    check (discharged_on is null or discharged_on >= admitted_on)
);
create index ltc_hospital_stay_beneficiary on ltc_hospital_stay (beneficiary_id, admitted_on);
