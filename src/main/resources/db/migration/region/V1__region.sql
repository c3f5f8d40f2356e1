-- The statistical division hierarchy: city → district → street/town → community/village, keyed by the
-- 12-digit code, with the level stored explicitly (never inferred from digits) and an ltree path of codes.
create table region (
    code        char(12)     primary key check (code ~ '^[0-9]{12}$'),
    parent_code char(12),
    level       varchar(20)  not null check (level in ('PROVINCE', 'CITY', 'DISTRICT', 'STREET_TOWN', 'COMMUNITY_VILLAGE')),
    name        varchar(100) not null,
    path        ltree        not null,
    demo        boolean      not null default false,
    valid_from  date         not null default date '1949-10-01',
    valid_to    date
);
create index region_path on region using gist (path);
create index region_parent on region (parent_code, code);
