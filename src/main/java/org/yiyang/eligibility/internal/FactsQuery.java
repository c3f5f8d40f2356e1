package org.yiyang.eligibility.internal;

/**
 * The facts relation {@code f} that compiled rules run over: one row per living person in the jurisdiction on
 * {@code :asOf}, built only from other modules' published SQL interfaces — {@code person_fact} and {@code person_tag}
 * (person), {@code care_needs_result} (assessment) and {@code ltc_insured} (ltc). The per-person evaluation reads the
 * same relation, so a fact means the same thing in memory and in SQL.
 */
final class FactsQuery {
    private FactsQuery() {
    }

    /** The relation, bound to {@code :asOf} and {@code :jurisdiction}; {@code extraCondition} narrows it (or is empty). */
    static String relation(String extraCondition) {
        return relation(JURISDICTION, extraCondition);
    }

    /** Staff: the caller's region subtree, bound to {@code :jurisdiction}. */
    static final String JURISDICTION = "p.residence_path <@ cast(:jurisdiction as ltree)";
    /** A citizen: the persons of the published {@code citizen_scope}, bound to {@code :citizen} and {@code :today}. */
    static final String CITIZEN_SCOPE = "p.person_id in (select citizen_scope(:citizen, cast(:today as date)))";

    /** The relation limited by {@code scope} ({@link #JURISDICTION} or {@link #CITIZEN_SCOPE}). */
    static String relation(String scope, String extraCondition) {
        return "(select p.person_id, p.name, p.birth_date, p.hukou_region, p.residence_region, p.residence_path,"
                + " p.living_arrangement, p.living_at_home, p.income_per_capita_fen,"
                + " cast(date_part('year', age(cast(:asOf as date), p.birth_date)) as integer) as age_on_day,"
                + " cast(date_part('year', age(cast(date_trunc('month', cast(:asOf as date)) as date), p.birth_date))"
                + "   as integer) as age_on_month_start,"
                + " coalesce(t.tags, cast('{}' as text[])) as tags,"
                + " c.final_level as care_level, i.insured_type as ltc_insured_type"
                + " from person_fact p"
                // the tags held on the day, aggregated once per person (not probed once per clause)
                + " left join (select person_id, array_agg(cast(tag as text)) as tags from person_tag"
                + "   where valid_from <= cast(:asOf as date) and (valid_to is null or valid_to >= cast(:asOf as date))"
                + "   group by person_id) t on t.person_id = p.person_id"
                // the result in force on the day (the latest valid one, as CareNeeds.current chooses) and the insured
                // status on the day: one sorted pass each, joined, rather than a probe per person
                + " left join (select distinct on (person_id) person_id, final_level from care_needs_result"
                + "   where valid_from <= cast(:asOf as date) and cast(:asOf as date) <= valid_to"
                + "   order by person_id, valid_from desc, effective_at desc) c on c.person_id = p.person_id"
                + " left join (select distinct on (person_id) person_id, insured_type from ltc_insured"
                + "   where valid_from <= cast(:asOf as date) and (valid_to is null or valid_to >= cast(:asOf as date))"
                + "   order by person_id, valid_from desc) i on i.person_id = p.person_id"
                + " where " + scope
                + " and (p.death_date is null or p.death_date > cast(:asOf as date))"
                + " and p.birth_date <= cast(:asOf as date)"
                + (extraCondition.isEmpty() ? "" : " and " + extraCondition) + ") f";
    }

    /** The column holding age counted on the item's reference date. */
    static String ageColumn(org.yiyang.eligibility.ServiceItem item) {
        return item.ageReference() == org.yiyang.eligibility.ServiceItem.AgeReference.FIRST_DAY_OF_MONTH
                ? "age_on_month_start" : "age_on_day";
    }
}
