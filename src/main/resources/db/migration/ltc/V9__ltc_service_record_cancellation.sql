-- A provider can withdraw a line (outcome CANCELLED): in an open month the stored line itself; in a frozen (approved
-- or locked) month a cancellation version settled in the first open month after it, where the month is settled
-- again without the line and the difference recorded (the frozen line itself is never changed).
alter table ltc_service_record drop constraint ltc_service_record_outcome_check;
alter table ltc_service_record add constraint ltc_service_record_outcome_check
    check (outcome in ('ACCEPTED', 'REJECTED', 'CANCELLED'));
