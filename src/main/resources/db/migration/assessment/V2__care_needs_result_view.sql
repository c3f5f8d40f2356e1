-- Published for other modules' SQL: every result that was in force over its validity (the same rows CareNeeds.current
-- chooses from), with the GB/T 42195-2022 final level. Results without a computed level (the 2021 LTC scale) are not
-- care-needs levels and are left out.
create view care_needs_result as
select person_id, final_level, valid_from, valid_to, effective_at
from assessment
where status in ('EFFECTIVE', 'EXPIRED', 'SUPERSEDED') and final_level is not null;
