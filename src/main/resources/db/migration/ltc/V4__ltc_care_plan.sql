-- Care plans (护理计划, 第十三条) drawn up by the designated provider: visits and items with their frequencies over a
-- period; a home plan must meet the minimum visits of its class (A/B/C). Scope columns copied from the beneficiary.
create table ltc_care_plan (
    id                     uuid        primary key,
    beneficiary_id         uuid        not null references ltc_beneficiary (id),
    residence_path         ltree       not null,
    designated_provider_id uuid        not null references ltc_designated_provider (id),
    provider_id            uuid,
    care_form              varchar(12) not null check (care_form in ('HOME', 'INSTITUTION')),
    start_on               date        not null,
    end_on                 date        not null,
    daily_visits           boolean     not null,
    visits_per_month       int         not null check (visits_per_month >= 0),
    minutes_per_visit      int         not null check (minutes_per_visit >= 0),
    created_by             uuid        not null,
    created_at             timestamptz not null default now(),
    check (end_on >= start_on)
);
create index ltc_care_plan_beneficiary on ltc_care_plan (beneficiary_id, start_on);

create table ltc_care_plan_item (
    plan_id         uuid        not null references ltc_care_plan (id),
    item_code       varchar(40) not null,
    times_per_month int         not null check (times_per_month > 0),
    primary key (plan_id, item_code)
);
