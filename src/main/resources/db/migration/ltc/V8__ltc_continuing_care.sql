-- The six-month condition of long-term disability (第十条): the day the disability began, from the assessment
-- agency's conclusion (entered by the LTC officer). Continuing care (延续失能人员) ends, not pauses, when the person is
-- admitted to hospital again during the benefit period (第十九条): end reason HOSPITAL_ADMISSION.
alter table ltc_beneficiary add column disabled_since date;
alter table ltc_beneficiary drop constraint ltc_beneficiary_end_reason_check;
alter table ltc_beneficiary add constraint ltc_beneficiary_end_reason_check
    check (end_reason in ('DEATH', 'IMPROVEMENT', 'EXPIRY', 'AGREEMENT_ENDED', 'HOSPITAL_ADMISSION'));
