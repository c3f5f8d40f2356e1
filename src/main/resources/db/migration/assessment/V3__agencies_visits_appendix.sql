-- Third-party assessment agencies (第三方评估机构) and their assessors. An agency serves a region subtree; an assessor
-- is a user account (identity) registered with one agency, with a qualification certificate valid over a period.
create table assessment_agency (
    id          uuid        primary key,
    name        text        not null,
    credit_code text        not null unique,
    region_code text        not null,
    region_path ltree       not null,
    created_by  uuid        not null,
    created_at  timestamptz not null
);
create index assessment_agency_region on assessment_agency using gist (region_path);

create table assessment_assessor (
    user_id              uuid        primary key,
    agency_id            uuid        not null references assessment_agency (id),
    certificate_no       text        not null,
    qualified_from       date        not null,
    qualified_to         date        not null,
    employer_provider_id uuid,       -- a provider (facility module) that employs the assessor, for 回避
    updated_by           uuid        not null,
    updated_at           timestamptz not null,
    constraint assessor_qualification_period check (qualified_from <= qualified_to)
);
create index assessment_assessor_agency on assessment_assessor (agency_id);

-- 回避: the persons an assessor has declared as relatives (person ids only; the relation itself is not stored).
create table assessment_assessor_relative (
    assessor_id uuid not null references assessment_assessor (user_id),
    person_id   uuid not null,
    primary key (assessor_id, person_id)
);
create index assessment_assessor_relative_person on assessment_assessor_relative (person_id);

-- 回避: the providers that serve the elder (resident or client of), as declared at assignment. No other module keeps a
-- provider–person relation yet; this declaration is the assessment module's own and is checked at assignment.
create table assessment_serving_provider (
    assessment_id uuid not null references assessment (id),
    provider_id   uuid not null,
    primary key (assessment_id, provider_id)
);

alter table assessment
    add column agency_id       uuid references assessment_agency (id),
    add column visited_at      timestamptz,          -- when the assessors visited (the place and who was present: visit_enc)
    add column visit_enc       bytea,
    add column entered_grade   smallint,             -- instruments whose grade the assessor enters (LTC 2021 scale)
    add column immediate_cause text;                 -- typed cause of an IMMEDIATE request
