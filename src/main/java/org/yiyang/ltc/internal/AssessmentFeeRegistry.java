package org.yiyang.ltc.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.ltc.AssessmentFees;
import org.yiyang.ltc.LtcPolicies;
import org.yiyang.ltc.LtcPolicy;
import org.yiyang.person.ResidentLocator;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.Conflict;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.Role;

/**
 * Assessment fees (第十八条): the LTC officer records each assessment the office pays for or bills, with its outcome;
 * the fee and its fund and applicant shares come from the policy in force in the assessment's month
 * ({@link AssessmentFees#split}). The region's settlement run of that month counts them; a fee of a frozen month is
 * refused (409).
 */
@Component
class AssessmentFeeRegistry {
    private final JdbcClient jdbc;
    private final ResidentLocator residents;
    private final LtcPolicies policies;
    private final ServiceRecords records;
    private final AuditTrail audit;
    private final Clock clock;

    AssessmentFeeRegistry(JdbcClient jdbc, ResidentLocator residents, LtcPolicies policies, ServiceRecords records,
                          AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.policies = policies;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * An assessment to pay or bill: the person, the kind, the day, the agency, the LTC level it gives (none: null; for
     * continuing care, any level means the person qualifies), for a re-assessment the first result's level, for a
     * verification assessment its fee in fen.
     */
    record NewFee(@Nullable UUID personId, @Nullable String kind, @Nullable String assessedOn, @Nullable String agency,
                  @Nullable Integer ltcLevel, @Nullable Integer firstLevel, @Nullable Long verificationFeeFen) {
    }

    record Fee(UUID id, UUID personId, String kind, LocalDate assessedOn, String agency, @Nullable Integer ltcLevel,
               long feeFen, long fundFen, long applicantFen, String rule, String policyId) {
    }

    /** The fees of a month within the jurisdiction, and their sums. */
    record MonthFees(String month, List<Fee> fees, long feeFen, long fundFen, long applicantFen) {
        MonthFees {
            fees = List.copyOf(fees);
        }
    }

    @Transactional
    Fee record(NewFee r, Actor actor) {
        actor.require(Role.LTC_OFFICER);
        var problems = new InvalidInput.Collector();
        ResidentLocator.LocatedResident person = null;
        if (r.personId() == null) {
            problems.add("personId", "REQUIRED");
        } else {
            person = residents.locate(r.personId(), actor).orElse(null);
            if (person == null) {
                problems.add("personId", "LTC_PERSON_UNKNOWN");
            }
        }
        AssessmentFees.Kind kind = LtcInput.enumOf("kind", AssessmentFees.Kind.class, r.kind(), true, problems);
        LocalDate on = LtcInput.date("assessedOn", r.assessedOn(), true, problems);
        if (on != null && on.isAfter(BusinessZone.today(clock))) {
            problems.add("assessedOn", "LTC_DATE_IN_FUTURE");
            on = null; // one problem per field
        }
        if (r.agency() == null || r.agency().isBlank()) {
            problems.add("agency", "REQUIRED");
        } else if (r.agency().strip().length() > 100) {
            problems.add("agency", "LTC_TEXT_LENGTH", 100);
        }
        level("ltcLevel", r.ltcLevel(), problems);
        level("firstLevel", r.firstLevel(), problems);
        if (kind == AssessmentFees.Kind.VERIFICATION && (r.verificationFeeFen() == null || r.verificationFeeFen() < 0)) {
            problems.add("verificationFeeFen", r.verificationFeeFen() == null ? "REQUIRED" : "LTC_NEGATIVE_AMOUNT");
        }
        LtcPolicy policy = on == null ? null : policies.forMonth(YearMonth.from(on)).orElse(null);
        if (on != null && policy == null) {
            problems.add("assessedOn", "LTC_NO_POLICY_FOR_MONTH");
        }
        problems.throwIfAny();
        LocalDate month = on.withDayOfMonth(1);
        if (records.locked(person.residencePath(), month)) {
            throw new Conflict("MONTH_LOCKED", Map.of("month", YearMonth.from(on).toString()));
        }
        var split = AssessmentFees.split(policy, kind, r.ltcLevel(), r.firstLevel(),
                r.verificationFeeFen() == null ? 0 : r.verificationFeeFen());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into ltc_assessment_fee (id, person_id, residence_path, kind, assessed_on, service_month,
                          agency, ltc_level, first_level, fee_fen, fund_fen, applicant_fen, rule, policy_id,
                          recorded_by, recorded_at)
                        values (:id, :person, cast(:path as ltree), :kind, :on, :month, :agency, :level, :first,
                          :fee, :fund, :applicant, :rule, :policy, :by, :at)
                        """)
                .param("id", id).param("person", person.id()).param("path", person.residencePath())
                .param("kind", kind.name()).param("on", on).param("month", month).param("agency", r.agency().strip())
                .param("level", r.ltcLevel(), java.sql.Types.INTEGER)
                .param("first", r.firstLevel(), java.sql.Types.INTEGER).param("fee", split.feeFen())
                .param("fund", split.fundFen()).param("applicant", split.applicantFen()).param("rule", split.rule())
                .param("policy", policy.id()).param("by", actor.userId())
                .param("at", Timestamp.from(clock.instant())).update();
        audit.record(AuditEvent.success("LTC_ASSESSMENT_FEE_RECORDED", actor, "ltcAssessmentFee", id)
                .withDetails(Map.of("kind", kind.name())));
        return new Fee(id, person.id(), kind.name(), on, r.agency().strip(), r.ltcLevel(), split.feeFen(),
                split.fundFen(), split.applicantFen(), split.rule(), policy.id());
    }

    @Transactional(readOnly = true)
    MonthFees month(@Nullable String month, Actor actor) {
        actor.require(Role.LTC_OFFICER);
        var problems = new InvalidInput.Collector();
        YearMonth m = LtcInput.month("month", month, problems);
        problems.throwIfAny();
        List<Fee> fees = jdbc.sql("""
                        select id, person_id, kind, assessed_on, agency, ltc_level, fee_fen, fund_fen, applicant_fen,
                          rule, policy_id
                        from ltc_assessment_fee
                        where service_month = :m and residence_path <@ cast(:jurisdiction as ltree)
                        order by assessed_on, id
                        """).param("m", m.atDay(1)).param("jurisdiction", actor.jurisdictionPath())
                .query((rs, n) -> new Fee(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), (Integer) rs.getObject(6), rs.getLong(7),
                        rs.getLong(8), rs.getLong(9), rs.getString(10), rs.getString(11)))
                .list();
        return new MonthFees(m.toString(), fees, fees.stream().mapToLong(Fee::feeFen).sum(),
                fees.stream().mapToLong(Fee::fundFen).sum(), fees.stream().mapToLong(Fee::applicantFen).sum());
    }

    private static void level(String field, @Nullable Integer level, InvalidInput.Collector problems) {
        if (level != null && (level < 1 || level > 3)) {
            problems.add(field, "LTC_LEVEL_RANGE");
        }
    }
}
