-- Care-needs assessments. Person ids are stored as plain uuids (no foreign keys to other modules); the person's
-- residence path is copied onto the row so that every query can be scoped to the caller's jurisdiction in SQL.
-- Answers, diagnoses, risk events and override reasons are health details: stored only encrypted (AES-GCM).
create table assessment (
    id                  uuid         primary key,
    person_id           uuid         not null,
    residence_path      ltree        not null,
    instrument          text         not null,
    reason              text         not null,
    review_of           uuid         references assessment (id),
    status              text         not null,
    requested_by        uuid,                  -- null: requested by the system (routine reassessment)
    requested_at        timestamptz  not null,
    assessor_1          uuid,
    assessor_2          uuid,
    answers_enc         bytea,
    total               integer,
    computed_level      smallint,
    final_level         smallint,
    overridden_by       uuid,
    override_reason_enc bytea,
    submitted_at        timestamptz,
    effective_at        timestamptz,
    valid_from          date,
    valid_to            date,
    constraint assessment_status check (status in
        ('REQUESTED', 'ASSIGNED', 'DRAFT', 'SUBMITTED', 'EFFECTIVE', 'SUPERSEDED', 'EXPIRED')),
    constraint assessment_reason check (reason in ('FIRST', 'ROUTINE', 'IMMEDIATE', 'REVIEW', 'OTHER')),
    constraint assessment_two_assessors check (assessor_1 is null or assessor_1 <> assessor_2)
);
create index assessment_person on assessment (person_id, status);
create index assessment_residence on assessment using gist (residence_path);
create index assessment_assessor_1 on assessment (assessor_1) where assessor_1 is not null;
create index assessment_assessor_2 on assessment (assessor_2) where assessor_2 is not null;

-- One signature per assessor and assessment; cleared when the result changes (submission again, override).
create table assessment_signature (
    assessment_id uuid        not null references assessment (id),
    assessor_id   uuid        not null,
    signed_at     timestamptz not null,
    primary key (assessment_id, assessor_id)
);
