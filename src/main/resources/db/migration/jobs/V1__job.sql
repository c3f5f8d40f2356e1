-- Long-running work (imports, demo generation, settlements …): progress visible, reruns recognised by job key.
create table job (
    id          uuid primary key,
    type        varchar(60)  not null,
    job_key     varchar(200) not null,
    status      varchar(20)  not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    total       bigint,
    done        bigint       not null default 0,
    accepted    bigint       not null default 0,
    rejected    bigint       not null default 0,
    message     varchar(500),
    started_by  uuid,
    started_at  timestamptz  not null,
    finished_at timestamptz
);
create index job_started on job (started_at desc);
create index job_key on job (type, job_key);

-- Every rejected row of a bulk job with its reason (codes only, never the rejected values).
create table job_rejection (
    job_id  uuid        not null references job (id),
    row_no  bigint      not null,
    field   varchar(80) not null,
    code    varchar(60) not null,
    primary key (job_id, row_no, field, code)
);
