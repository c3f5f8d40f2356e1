-- One-stop applications (一站式办理) for items of the basic elderly care service list. Person and assessment ids are
-- plain uuids (no foreign keys to other modules); the person's residence path is copied onto the application so that
-- every query is scoped to the caller's jurisdiction in SQL. Free-text reasons and eligibility traces (which quote
-- income, age and care level) are personal data and stored only encrypted.
create table application (
    id                     uuid         primary key,
    person_id              uuid         not null,
    residence_path         ltree        not null,
    channel                text         not null check (channel in
                               ('ONLINE_SELF', 'ONLINE_FAMILY', 'ONLINE_AGENT', 'STREET_OFFICE')),
    status                 text         not null check (status in
                               ('FIRST_CHECK', 'WAITING_FOR_ASSESSMENT', 'VERIFICATION', 'DECISION', 'DECIDED',
                                'UNDER_REVIEW', 'REVIEWED')),
    submitted_on           date         not null,
    submitted_by           uuid         not null,
    submitted_at           timestamptz  not null,
    due_on                 date,                 -- the current step's due date (null: nobody's deadline runs)
    due_approximate        boolean      not null default false,
    assessment_id          uuid,
    assessment_received_on date,
    decided_on             date,
    review_window_ends_on  date,
    escalated_status       text                  -- the step already escalated as overdue
);
create index application_residence on application using gist (residence_path);
create index application_person on application (person_id);
create index application_due on application (status, due_on);
create index application_assessment on application (assessment_id) where status = 'WAITING_FOR_ASSESSMENT';

-- The items asked for, with the eligibility answered at intake (true, false or null: facts missing).
create table application_item (
    application_id       uuid    not null references application (id),
    item_code            text    not null,
    eligible_at_intake   boolean,
    primary key (application_id, item_code)
);

-- Every step with its due date: shown on the application; done steps keep who and when.
create table application_step (
    application_id uuid        not null references application (id),
    seq            integer     not null,
    step           text        not null,
    started_on     date        not null,
    due_on         date,
    due_approximate boolean    not null default false,
    done_on        date,
    done_by        uuid,
    outcome        text,
    primary key (application_id, seq)
);

-- Decisions per item, first (DECISION) and after a review (REVIEW), with the reasons and the rule trace.
create table application_decision (
    application_id     uuid        not null references application (id),
    round              text        not null check (round in ('DECISION', 'REVIEW')),
    item_code          text        not null,
    decision           text        not null check (decision in ('GRANTED', 'REJECTED')),
    reason_enc         bytea,
    trace_enc          bytea       not null,
    monthly_amount_fen bigint,
    list_version       text        not null,
    decided_on         date        not null,
    decided_by         uuid        not null,
    primary key (application_id, round, item_code)
);

-- The applicant's review request (复核), its reason encrypted.
create table application_review (
    application_id uuid        primary key references application (id),
    requested_on   date        not null,
    recorded_by    uuid        not null,
    reason_enc     bytea       not null
);

-- Attachments (materials): type, size and digest in clear, the content encrypted; size limited by the rules.
create table application_attachment (
    id             uuid        primary key,
    application_id uuid        not null references application (id),
    material_code  text        not null,
    content_type   text        not null,
    size_bytes     integer     not null check (size_bytes > 0),
    sha256         text        not null,
    content_enc    bytea       not null,
    uploaded_by    uuid        not null,
    uploaded_at    timestamptz not null
);
create index application_attachment_application on application_attachment (application_id);

-- Grants: item, period and monthly amount, from a decision. A death ends them on the day of death.
create table application_grant (
    id                 uuid        primary key,
    application_id     uuid        not null references application (id),
    person_id          uuid        not null,
    residence_path     ltree       not null,
    item_code          text        not null,
    monthly_amount_fen bigint,
    valid_from         date        not null,
    valid_to           date,
    ended_reason       text,
    check (valid_to is null or valid_to >= valid_from - 1)
);
create index application_grant_person on application_grant (person_id);
create index application_grant_residence on application_grant using gist (residence_path);
