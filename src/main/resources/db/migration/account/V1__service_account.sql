-- The monthly service account (服务资助账户, 穗民规字〔2022〕8号 第二十六–二十八条) as a ledger. One account per person and
-- month, opened when the month is credited; every movement is an entry with a signed amount in fen (credit > 0;
-- charge, expiry and recovery < 0, an expiry may be 0), so that the balance of a month is the sum of its entries and
-- a closed month (with its EXPIRY entry) sums to 0 — or below 0 when a recovery came after the close. Person ids are
-- plain uuids (no foreign keys to other modules); the person's residence path is copied for jurisdiction in SQL.
create table account_month (
    person_id      uuid        not null,
    month          date        not null check (extract(day from month) = 1),
    residence_path ltree       not null,
    credited_on    date        not null,
    job_id         uuid,
    primary key (person_id, month)
);
create index account_month_residence on account_month using gist (residence_path);
create index account_month_month on account_month (month);

create table account_entry (
    id             uuid        primary key,
    person_id      uuid        not null,
    month          date        not null,
    residence_path ltree       not null,
    kind           varchar(10) not null check (kind in ('CREDIT', 'CHARGE', 'EXPIRY', 'RECOVERY')),
    amount_fen     bigint      not null,
    -- CREDIT: the subsidy item credited; CHARGE: the service item delivered
    item_code      varchar(40),
    entry_date     date        not null,
    provider_id    uuid,
    service_date   date,
    quantity       integer,
    recorded_by    uuid,
    recorded_at    timestamptz not null default now(),
    foreign key (person_id, month) references account_month (person_id, month),
    check (kind <> 'CREDIT' or amount_fen > 0),
    check (kind <> 'CHARGE' or (amount_fen < 0 and provider_id is not null and service_date is not null
                                and item_code is not null and quantity > 0)),
    check (kind not in ('EXPIRY', 'RECOVERY') or amount_fen <= 0)
);
-- idempotence: one credit per item and month, one expiry and one recovery per month, one charge per service
create unique index account_entry_credit on account_entry (person_id, month, item_code) where kind = 'CREDIT';
create unique index account_entry_expiry on account_entry (person_id, month) where kind = 'EXPIRY';
create unique index account_entry_recovery on account_entry (person_id, month) where kind = 'RECOVERY';
create unique index account_entry_service on account_entry (person_id, service_date, item_code) where kind = 'CHARGE';
create index account_entry_month on account_entry (person_id, month);
create index account_entry_provider on account_entry (provider_id, month) where kind = 'CHARGE';

-- What changed the monthly amount of an item against the month before (or against the grant in the first month),
-- and why: the rules re-evaluated on the first day of the month (the month after the change of tags or level).
create table account_adjustment (
    person_id      uuid        not null,
    month          date        not null,
    residence_path ltree       not null,
    item_code      varchar(40) not null,
    previous_fen   bigint      not null,
    new_fen        bigint      not null,
    reason         varchar(40) not null,
    detail         text,
    recorded_at    timestamptz not null default now(),
    primary key (person_id, month, item_code)
);

-- Changes noticed during a month (an assessment completed, a death reported): shown on the person's page with the
-- month from which they apply.
create table account_change_notice (
    person_id       uuid        not null,
    cause           varchar(40) not null,
    noticed_on      date        not null,
    effective_month date        not null,
    source_id       uuid,
    primary key (person_id, cause, noticed_on)
);

-- Published for other modules' SQL (the LTC validation's double-claim check): the services paid from the account.
create view account_charged_service as
select person_id, service_date, item_code, provider_id
from account_entry
where kind = 'CHARGE';
