-- Retention: events older than the cutoff are removed by the owner's function below, never by the application
-- directly. The law asks for at least six months (网络安全法 第二十一条), so the function refuses a cutoff less than
-- 180 days ago whatever the application asks. Each purge leaves an anchor (the last removed seal's hash) from which
-- the verifier continues the chain.
create table audit_purge (
    id          bigint generated always as identity primary key,
    purged_at   timestamptz not null,
    cutoff      date        not null,
    events      bigint      not null,
    anchor_seq  bigint      not null,
    anchor_hash bytea       not null
);

do $$
begin
    if exists (select 1 from pg_roles where rolname = 'yiyang_app') and current_user <> 'yiyang_app' then
        revoke update, delete, truncate on audit_purge from yiyang_app;
    end if;
end $$;

create or replace function audit_purge_before(cutoff date) returns bigint
    language plpgsql security definer set search_path = public as $$
declare
    removed bigint := 0;
    n bigint;
    part record;
    last_seq bigint;
    last_hash bytea;
begin
    if cutoff > (now() at time zone 'Asia/Shanghai')::date - 180 then
        raise exception 'audit events younger than 180 days cannot be purged';
    end if;
    select s.seq, s.hash into last_seq, last_hash
      from audit_seal s join audit_event e on e.id = s.event_id
     where e.occurred_at < cutoff order by s.seq desc limit 1;
    -- whole monthly partitions that end before the cutoff are dropped
    for part in select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                 join pg_class p on p.oid = i.inhparent
                 where p.relname = 'audit_event' and c.relname ~ '^audit_event_[0-9]{6}$' loop
        if (to_date(substring(part.relname from 13), 'YYYYMM') + interval '1 month')::date <= cutoff then
            execute format('select count(*) from %I', part.relname) into n;
            execute format('drop table %I', part.relname);
            removed := removed + n;
        end if;
    end loop;
    -- older rows that landed in the default partition
    delete from audit_event_default where occurred_at < cutoff;
    get diagnostics n = row_count;
    removed := removed + n;
    delete from audit_seal s where not exists (select 1 from audit_event e where e.id = s.event_id)
                              and (last_seq is null or s.seq <= last_seq);
    if last_seq is not null then
        insert into audit_purge (purged_at, cutoff, events, anchor_seq, anchor_hash)
        values (now(), cutoff, removed, last_seq, last_hash);
    end if;
    return removed;
end $$;
