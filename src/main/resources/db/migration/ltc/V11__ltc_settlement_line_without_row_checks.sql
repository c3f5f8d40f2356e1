-- Settlement lines are derived rows written only by the settlement run, in bulk (COPY), for the run it holds and the
-- beneficiaries it has just read; runs and beneficiaries are never deleted. The two foreign keys checked and locked
-- the referenced row for every one of a city's 600,000 lines (about three quarters of the write time in
-- bench/ltc-settlement.sh) and protected nothing the run does not already guarantee, so they are dropped.
alter table ltc_settlement_line drop constraint ltc_settlement_line_run_id_fkey;
alter table ltc_settlement_line drop constraint ltc_settlement_line_beneficiary_id_fkey;
