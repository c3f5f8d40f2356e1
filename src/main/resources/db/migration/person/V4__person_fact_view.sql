-- Published for other modules' SQL (eligibility rules compiled to SQL run over it): the registry's facts, without
-- the encrypted personal columns. Together with person_tag it is the person module's SQL interface; its columns are
-- kept stable.
create view person_fact as
select id                   as person_id,
       name,
       birth_date,
       hukou_region,
       residence_region,
       residence_path,
       living_arrangement,
       case when living_arrangement is null then null else living_arrangement <> 'IN_INSTITUTION' end
                            as living_at_home,
       household_income_fen as income_per_capita_fen,
       death_date
from person;
