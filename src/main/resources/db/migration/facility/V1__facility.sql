-- Providers (organisations with a unified social credit code) and the facilities they run.
create table provider (
    id          uuid         primary key,
    name        varchar(200) not null,
    credit_code char(18)     not null unique,
    ownership   varchar(30)  not null check (ownership in ('PUBLIC', 'PUBLIC_BUILT_PRIVATE_RUN', 'PRIVATE',
                                                           'SOCIAL_ORGANISATION')),
    demo        boolean      not null default false,
    created_at  timestamptz  not null default now()
);

create table facility (
    id             uuid          primary key,
    provider_id    uuid          not null references provider (id),
    name           varchar(200)  not null,
    type           varchar(30)   not null check (type in ('DISTRICT_CENTRE', 'YIKANG_CENTRE', 'YIKANG_STATION',
                                                          'INSTITUTION', 'ELDER_CANTEEN', 'NURSING_STATION',
                                                          'HOME_CARE_BASE')),
    level          varchar(40),
    region_code    char(12)      not null,
    region_path    ltree         not null,
    address        varchar(300),
    latitude       double precision check (latitude between -90 and 90),
    longitude      double precision check (longitude between -180 and 180),
    floor_area_m2  numeric(10, 2) check (floor_area_m2 >= 0),
    beds_total     integer       check (beds_total >= 0),
    beds_occupied  integer       check (beds_occupied >= 0),
    opening_hours  varchar(200),
    services       text[]        not null default '{}',
    demo           boolean       not null default false,
    created_at     timestamptz   not null default now(),
    check (beds_occupied is null or beds_total is null or beds_occupied <= beds_total)
);
create index facility_region on facility using gist (region_path);
create index facility_type on facility (type, region_code);
create index facility_provider on facility (provider_id);
create index facility_location on facility using gist (ll_to_earth(latitude, longitude))
    where latitude is not null and longitude is not null;
create index facility_name_trgm on facility using gin (name gin_trgm_ops);
