-- Suspensions of a designated provider's service agreement (暂停协议), recorded by the LTC officer: no line of a day
-- within one is paid (PROVIDER_NOT_DESIGNATED). The end of an agreement is its valid_to.
create table ltc_designation_suspension (
    id                     uuid        primary key,
    designated_provider_id uuid        not null references ltc_designated_provider (id),
    from_day               date        not null,
    to_day                 date,
    recorded_by            uuid        not null,
    recorded_at            timestamptz not null default now(),
    check (to_day is null or to_day >= from_day)
);
create index ltc_designation_suspension_provider on ltc_designation_suspension (designated_provider_id, from_day);
