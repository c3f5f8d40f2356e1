-- The fingerprint of the accepted lines a completed preview was built from: approval is refused when the lines have
-- changed since (the preview is stale and must be run again).
alter table ltc_settlement_run add column inputs_fingerprint varchar(64);
