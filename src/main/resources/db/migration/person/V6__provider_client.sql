-- Who a provider serves (服务对象): the PROVIDER_STAFF scope over resident records. A relation is written by the
-- module that creates it — LTC care under a designated provider today; institution admissions and home-care contracts
-- later — through `ProviderClients`, keyed by its source record so that writing it again changes nothing. No foreign
-- key to the facility module's provider (modules do not share tables); rows are ended, never deleted.
create table provider_client (
    source      varchar(30) not null,
    source_ref  uuid        not null,
    provider_id uuid        not null,
    person_id   uuid        not null references person (id),
    valid_from  date        not null,
    valid_to    date,
    recorded_at timestamptz not null,
    primary key (source, source_ref),
    -- a relation ended before it began is kept as an empty period (valid_to = valid_from - 1)
    check (valid_to is null or valid_to >= valid_from - 1)
);
create index provider_client_provider on provider_client (provider_id, person_id);

-- Published for other modules' SQL, like citizen_scope: the persons a provider serves on a day. Provider staff reach a
-- resident only through it (`person_id in (select provider_scope(:provider, :day))`); anyone else is not found.
create function provider_scope(p_provider uuid, p_day date) returns setof uuid
    language sql stable as
$$
    select c.person_id from provider_client c
     where c.provider_id = p_provider and c.valid_from <= p_day and (c.valid_to is null or c.valid_to >= p_day)
$$;
