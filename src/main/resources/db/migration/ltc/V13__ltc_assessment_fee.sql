-- Assessment fees (第十八条, spec §10): one row per assessment the LTC office pays for or bills, with the fee and who
-- pays which share, computed from the policy in force in the assessment's month (the row keeps the rule and policy it
-- used). The month's settlement run of the region counts them: the fund's share is paid to the assessment agencies
-- with the month, the applicant's share is billed. A fee of a frozen (approved or locked) month is refused.
create table ltc_assessment_fee (
    id             uuid         primary key,
    person_id      uuid         not null,
    residence_path ltree        not null,
    kind           varchar(20)  not null check (kind in ('DISABILITY', 'REASSESSMENT', 'CONTINUING_CARE',
                                                          'VERIFICATION')),
    assessed_on    date         not null,
    service_month  date         not null,
    agency         varchar(100) not null,
    ltc_level      int          check (ltc_level between 1 and 3),
    first_level    int          check (first_level between 1 and 3),
    fee_fen        bigint       not null check (fee_fen >= 0),
    fund_fen       bigint       not null check (fund_fen >= 0),
    applicant_fen  bigint       not null check (applicant_fen >= 0),
    rule           varchar(60)  not null,
    policy_id      varchar(60)  not null,
    recorded_by    uuid         not null,
    recorded_at    timestamptz  not null,
    check (fund_fen + applicant_fen = fee_fen)
);
create index ltc_assessment_fee_month on ltc_assessment_fee (service_month);
create index ltc_assessment_fee_residence on ltc_assessment_fee using gist (residence_path);

alter table ltc_settlement_run add column assessment_fees int not null default 0;
alter table ltc_settlement_run add column assessment_fee_fund_fen bigint not null default 0;
alter table ltc_settlement_run add column assessment_fee_applicant_fen bigint not null default 0;
