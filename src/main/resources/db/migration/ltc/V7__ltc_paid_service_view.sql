-- Published for other modules' SQL (the service account's double-claim check, 第二十七条): every service item of an
-- accepted LTC service-record line, by person and day. `items` is stored as "CODExQUANTITY;…".
create view ltc_paid_service as
select b.person_id,
       r.service_date,
       regexp_replace(entry, 'x[0-9]+$', '') as item_code,
       r.provider_id
from ltc_service_record r
join ltc_beneficiary b on b.id = r.beneficiary_id
cross join lateral regexp_split_to_table(r.items, ';') as entry
where r.outcome = 'ACCEPTED';
