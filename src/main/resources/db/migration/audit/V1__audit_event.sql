-- The audit trail: append-only, partitioned by month, written in the same transaction as the business change.
-- Rows never hold the sensitive values themselves: ids, codes and counts only.
create table audit_event (
    id             bigint generated always as identity,
    occurred_at    timestamptz  not null,
    actor_id       uuid,
    actor_username varchar(64),
    roles          text[]       not null default '{}',
    jurisdiction   varchar(12),
    event_type     varchar(60)  not null,
    object_type    varchar(40),
    object_id      varchar(200),
    outcome        varchar(10)  not null check (outcome in ('SUCCESS', 'FAILURE')),
    reason_code    varchar(60),
    client_ip      varchar(45),
    request_id     varchar(64),
    reason         varchar(500),
    details        jsonb,
    primary key (id, occurred_at)
) partition by range (occurred_at);

-- Events outside any monthly partition land here rather than being lost; the partition keeper adds months ahead.
create table audit_event_default partition of audit_event default;

create index audit_event_actor on audit_event (actor_id, occurred_at);
create index audit_event_object on audit_event (object_type, object_id);
create index audit_event_type on audit_event (event_type, occurred_at);

-- Tamper evidence: the sealer appends, in the order it finds committed events, each event's hash over its canonical
-- form chained to the previous seal. Seals are insert-only too, so the application never updates an audit row, and
-- audit inserts never wait for each other.
create table audit_seal (
    seq       bigint generated always as identity primary key,
    event_id  bigint      not null unique,
    prev_hash bytea       not null,
    hash      bytea       not null,
    sealed_at timestamptz not null
);

-- The application role may only add to the trail and read it: no UPDATE, DELETE or TRUNCATE, on any partition.
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'yiyang_app') and current_user <> 'yiyang_app' then
        revoke update, delete, truncate on audit_event, audit_event_default, audit_seal from yiyang_app;
    end if;
end $$;

-- Create the monthly partition holding a day, if missing (used at start and by the partition keeper). It runs with
-- the owner's rights, so the application can call it without being able to alter the trail itself.
create or replace function audit_ensure_partition(day date) returns void
    language plpgsql security definer set search_path = public as $$
declare
    first date := date_trunc('month', day)::date;
    name text := 'audit_event_' || to_char(first, 'YYYYMM');
begin
    if to_regclass(name) is null then
        execute format('create table %I partition of audit_event for values from (%L) to (%L)',
                       name, first::timestamptz, (first + interval '1 month')::timestamptz);
        if exists (select 1 from pg_roles where rolname = 'yiyang_app') then
            execute format('revoke update, delete, truncate on %I from yiyang_app', name);
        end if;
    end if;
end $$;

select audit_ensure_partition(current_date);
select audit_ensure_partition((current_date + interval '1 month')::date);
