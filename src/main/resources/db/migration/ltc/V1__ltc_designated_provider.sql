-- Designated LTC service institutions (定点服务机构, 第二十一条): care institutions (定点护理机构) and device
-- institutions (定点设备机构) under a service agreement. provider_id is the facility module's provider id, by value:
-- no foreign key across modules.
create table ltc_designated_provider (
    id            uuid         primary key,
    provider_id   uuid,
    name          varchar(200) not null,
    kind          varchar(20)  not null check (kind in ('CARE', 'DEVICE')),
    agreement_no  varchar(60)  not null unique,
    region_code   char(12)     not null,
    region_path   ltree        not null,
    valid_from    date         not null,
    valid_to      date,
    registered_by uuid         not null,
    created_at    timestamptz  not null default now(),
    check (valid_to is null or valid_to >= valid_from)
);
create index ltc_designated_provider_region on ltc_designated_provider using gist (region_path);
