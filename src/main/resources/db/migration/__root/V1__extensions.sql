-- Extensions every module may rely on: region paths, distances, name search.
create extension if not exists ltree;
create extension if not exists cube;
create extension if not exists earthdistance;
create extension if not exists pg_trgm;

-- The application connects as its own login role (yiyang_app) where one exists; migrations run as the schema's owner.
-- Tables the owner creates are readable and writable by the application unless a module's migration revokes more
-- (the audit trail keeps only INSERT and SELECT).
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'yiyang_app') and current_user <> 'yiyang_app' then
        alter default privileges in schema public grant select, insert, update, delete on tables to yiyang_app;
        alter default privileges in schema public grant usage, select on sequences to yiyang_app;
        alter default privileges in schema public grant execute on functions to yiyang_app;
    end if;
end $$;
