package org.yiyang.ltc.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.ltc.BenefitGroup;
import org.yiyang.ltc.Beneficiary;
import org.yiyang.ltc.CareForm;
import org.yiyang.ltc.CarePlan;
import org.yiyang.ltc.InsuredType;
import org.yiyang.ltc.LtcPolicies;
import org.yiyang.ltc.LtcPolicy;
import org.yiyang.ltc.ServiceCatalogue;
import org.yiyang.ltc.ServiceCatalogues;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Conflict;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.Role;

/**
 * Care plans: drawn up by the beneficiary's designated provider (or the LTC officer), checked against the catalogue
 * in force at the start (item known, for the beneficiary's level and group) and, for home care, against the minimum
 * visits of the class (A: daily; B/C: visits and hours per month, 第十三条) read from the policy.
 */
@Service
class CarePlans {
    private final JdbcClient jdbc;
    private final BeneficiaryRegistry beneficiaries;
    private final LtcPolicies policies;
    private final ServiceCatalogues catalogues;

    CarePlans(JdbcClient jdbc, BeneficiaryRegistry beneficiaries, LtcPolicies policies,
              ServiceCatalogues catalogues) {
        this.jdbc = jdbc;
        this.beneficiaries = beneficiaries;
        this.policies = policies;
        this.catalogues = catalogues;
    }

    @Transactional
    CarePlan create(UUID beneficiaryId, NewPlan r, Actor actor) {
        actor.require(Role.LTC_OFFICER, Role.PROVIDER_STAFF);
        Beneficiary b = beneficiaries.find(beneficiaryId, actor);
        var problems = new InvalidInput.Collector();
        LocalDate start = LtcInput.date("startOn", r.startOn(), true, problems);
        LocalDate end = LtcInput.date("endOn", r.endOn(), true, problems);
        LtcInput.period("endOn", start, end, problems);
        if (start != null && (start.isBefore(b.validFrom()) || start.isAfter(b.validTo()))) {
            problems.add("startOn", "LTC_OUTSIDE_VALIDITY");
        }
        boolean daily = Boolean.TRUE.equals(r.dailyVisits());
        int visits = r.visitsPerMonth() == null ? 0 : r.visitsPerMonth();
        int minutes = r.minutesPerVisit() == null ? 0 : r.minutesPerVisit();
        if (visits < 0 || minutes < 0) {
            problems.add(visits < 0 ? "visitsPerMonth" : "minutesPerVisit", "LTC_NEGATIVE_COUNT");
        }
        List<CarePlan.PlannedItem> items = new ArrayList<>();
        if (r.items() == null || r.items().isEmpty()) {
            problems.add("items", "REQUIRED");
        } else if (start != null) {
            ServiceCatalogue catalogue = catalogues.onDay(start).orElse(null);
            var seen = new HashSet<String>();
            for (int i = 0; i < r.items().size(); i++) {
                NewItem item = r.items().get(i);
                String field = "items[" + i + "]";
                var known = catalogue == null || item.code() == null ? null : catalogue.item(item.code()).orElse(null);
                if (known == null) {
                    problems.add(field + ".code", "ITEM_NOT_IN_CATALOGUE");
                } else if (!CatalogueRules.servesBeneficiary(known, b, policies.forMonth(
                        java.time.YearMonth.from(start)).orElse(null))) {
                    problems.add(field + ".code", "LTC_ITEM_NOT_FOR_LEVEL");
                } else if (!seen.add(item.code())) {
                    problems.add(field + ".code", "LTC_ITEM_REPEATED");
                }
                if (item.timesPerMonth() == null || item.timesPerMonth() < 1) {
                    problems.add(field + ".timesPerMonth", "LTC_FREQUENCY");
                } else if (known != null) {
                    items.add(new CarePlan.PlannedItem(item.code(), item.timesPerMonth()));
                }
            }
        }
        if (start != null && b.careForm() == CareForm.HOME) {
            checkVisitMinimum(b, start, daily, visits, minutes, problems);
        }
        problems.throwIfAny();
        boolean overlapping = jdbc.sql("select exists (select 1 from ltc_care_plan where beneficiary_id = :b"
                        + " and daterange(start_on, end_on, '[]') && daterange(:s, :e, '[]'))")
                .param("b", b.id()).param("s", start).param("e", end).query(Boolean.class).single();
        if (overlapping) {
            throw new Conflict("LTC_PLAN_OVERLAP", Map.of("beneficiaryId", b.id()));
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into ltc_care_plan (id, beneficiary_id, residence_path, designated_provider_id,
                          provider_id, care_form, start_on, end_on, daily_visits, visits_per_month, minutes_per_visit,
                          created_by)
                        select :id, b.id, b.residence_path, b.designated_provider_id, b.provider_id, b.care_form,
                          :s, :e, :daily, :visits, :minutes, :by from ltc_beneficiary b where b.id = :b
                        """)
                .param("id", id).param("b", b.id()).param("s", start).param("e", end).param("daily", daily)
                .param("visits", visits).param("minutes", minutes).param("by", actor.userId()).update();
        for (CarePlan.PlannedItem item : items) {
            jdbc.sql("insert into ltc_care_plan_item (plan_id, item_code, times_per_month) values (:p, :c, :t)")
                    .param("p", id).param("c", item.code()).param("t", item.timesPerMonth()).update();
        }
        return new CarePlan(id, b.id(), b.designatedProviderId(), b.careForm(), start, end, daily, visits, minutes,
                items);
    }

    @Transactional(readOnly = true)
    List<CarePlan> list(UUID beneficiaryId, Actor actor) {
        beneficiaries.find(beneficiaryId, actor);
        return load(beneficiaryId);
    }

    /** The plans of a beneficiary whose scope was already checked. */
    List<CarePlan> load(UUID beneficiaryId) {
        List<CarePlan> plans = jdbc.sql("""
                        select id, beneficiary_id, designated_provider_id, care_form, start_on, end_on, daily_visits,
                          visits_per_month, minutes_per_visit from ltc_care_plan where beneficiary_id = :b
                          order by start_on
                        """)
                .param("b", beneficiaryId)
                .query((rs, n) -> new CarePlan(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), CareForm.valueOf(rs.getString(4)),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getBoolean(7),
                        rs.getInt(8), rs.getInt(9), List.of()))
                .list();
        return plans.stream().map(p -> new CarePlan(p.id(), p.beneficiaryId(), p.designatedProviderId(),
                p.careForm(), p.startOn(), p.endOn(), p.dailyVisits(), p.visitsPerMonth(), p.minutesPerVisit(),
                jdbc.sql("select item_code, times_per_month from ltc_care_plan_item where plan_id = :p"
                                + " order by item_code").param("p", p.id())
                        .query((rs, n) -> new CarePlan.PlannedItem(rs.getString(1), rs.getInt(2))).list()))
                .toList();
    }

    Optional<CarePlan> onDay(List<CarePlan> plans, LocalDate day) {
        return plans.stream().filter(p -> p.covers(day)).findFirst();
    }

    private void checkVisitMinimum(Beneficiary b, LocalDate start, boolean daily, int visits, int minutes,
                                   InvalidInput.Collector problems) {
        LtcPolicy policy = policies.forMonth(java.time.YearMonth.from(start)).orElse(null);
        InsuredType type = jdbc.sql("select insured_type from ltc_insured b where person_id = :p and valid_from <= :d"
                        + " and (valid_to is null or valid_to >= :d)")
                .param("p", b.personId()).param("d", start).query(String.class).optional()
                .map(InsuredType::valueOf).orElse(null);
        if (policy == null) {
            problems.add("startOn", "LTC_NO_POLICY_FOR_MONTH");
            return;
        }
        if (type == null) {
            problems.add("startOn", "LTC_NOT_INSURED");
            return;
        }
        int level = b.group() == BenefitGroup.CONTINUING ? policy.continuingCareLevel() : b.ltcLevel();
        var rule = policy.visitRule(level, type).orElseThrow();
        if (rule.daily()) {
            if (!daily) {
                problems.add("dailyVisits", "LTC_PLAN_BELOW_VISIT_MINIMUM", rule.homeClass().name());
            }
            return;
        }
        if (!daily && visits < rule.minVisitsPerMonth()) {
            problems.add("visitsPerMonth", "LTC_PLAN_BELOW_VISIT_MINIMUM", rule.homeClass().name(),
                    rule.minVisitsPerMonth());
        }
        boolean hoursAreMinimum = policy.localDefault("ltc.home.hoursAreMinimum")
                .map(d -> Boolean.parseBoolean(d.value())).orElse(true);
        long plannedMinutes = (long) (daily ? 28 : visits) * minutes; // daily: at least 28 days in any month
        if (hoursAreMinimum && plannedMinutes < rule.minMinutesPerMonth()) {
            problems.add("minutesPerVisit", "LTC_PLAN_BELOW_VISIT_HOURS", rule.homeClass().name(),
                    rule.hoursPerMonth());
        }
    }

    record NewPlan(@Nullable String startOn, @Nullable String endOn, @Nullable Boolean dailyVisits,
                   @Nullable Integer visitsPerMonth, @Nullable Integer minutesPerVisit,
                   @Nullable List<NewItem> items) {
    }

    record NewItem(@Nullable String code, @Nullable Integer timesPerMonth) {
    }
}
