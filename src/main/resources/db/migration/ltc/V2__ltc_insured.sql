-- LTC insured status (参保状态, 第四条): employee or resident insurance over a period, from an import or the API.
-- Other programmes read it as the `ltcInsuredType` fact (eligibility rules), so its shape is part of this module's
-- published SQL interface: person_id, insured_type, valid_from, valid_to (inclusive, open when null).
create table ltc_insured (
    person_id    uuid        not null,
    insured_type varchar(10) not null check (insured_type in ('EMPLOYEE', 'RESIDENT')),
    valid_from   date        not null,
    valid_to     date,
    source       varchar(20) not null check (source in ('IMPORT', 'API', 'DEMO')),
    recorded_at  timestamptz not null default now(),
    primary key (person_id, valid_from),
    check (valid_to is null or valid_to >= valid_from)
);
