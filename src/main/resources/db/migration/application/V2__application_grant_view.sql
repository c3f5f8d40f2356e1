-- Published for other modules' SQL (the service account credits the grants in force each month): grants with their
-- period and monthly amount, without reasons. Its columns are kept stable.
create view application_grant_fact as
select id as grant_id,
       person_id,
       residence_path,
       item_code,
       monthly_amount_fen,
       valid_from,
       valid_to,
       ended_reason
from application_grant;
