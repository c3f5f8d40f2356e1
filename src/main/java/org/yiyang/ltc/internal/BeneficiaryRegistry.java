package org.yiyang.ltc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.assessment.CareNeeds;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.ltc.BenefitGroup;
import org.yiyang.ltc.Beneficiary;
import org.yiyang.ltc.CareForm;
import org.yiyang.ltc.DesignationKind;
import org.yiyang.ltc.EndReason;
import org.yiyang.ltc.LevelSource;
import org.yiyang.ltc.LtcPolicies;
import org.yiyang.ltc.LtcPolicy;
import org.yiyang.person.ProviderClients;
import org.yiyang.person.ResidentLocator;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Conflict;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;
import org.yiyang.shared.Role;

/**
 * LTC beneficiaries: recorded by the LTC officer (level officer-entered from the assessment agency's conclusion,
 * validity period of the result, care form, designated care provider), ended by death, improvement, expiry or the end
 * of the agreement, suspended by hospital stays. Reads are scoped by {@link LtcScope}; outside it a record is 404.
 */
@Service
class BeneficiaryRegistry {
    static final String COLUMNS = "id, person_id, benefit_group, ltc_level, level_source, care_form,"
            + " designated_provider_id, valid_from, valid_to, ended_on, end_reason, disabled_since";

    private final JdbcClient jdbc;
    private final ResidentLocator residents;
    private final AuditTrail audit;
    private final LtcPolicies policies;
    private final ProviderClients clients;
    private final LateFacts lateFacts;
    private final CareNeeds careNeeds;
    private final DemoLevelMapping levelMapping;

    BeneficiaryRegistry(JdbcClient jdbc, ResidentLocator residents, AuditTrail audit, LtcPolicies policies,
                        ProviderClients clients, LateFacts lateFacts, CareNeeds careNeeds,
                        DemoLevelMapping levelMapping) {
        this.lateFacts = lateFacts;
        this.jdbc = jdbc;
        this.residents = residents;
        this.audit = audit;
        this.policies = policies;
        this.clients = clients;
        this.careNeeds = careNeeds;
        this.levelMapping = levelMapping;
    }

    /** The relation that lets the designated provider's staff read the beneficiary's resident record. */
    static final String CLIENT_SOURCE = "LTC_BENEFICIARY";

    @Transactional
    Beneficiary register(NewBeneficiary r, Actor actor) {
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
        BenefitGroup group = LtcInput.enumOf("group", BenefitGroup.class, r.group(), true, problems);
        // demo mode only (spec §4.5): a long-term beneficiary recorded without a level takes the demo mapping of the
        // person's care-needs level, and the demo validity period when no last day is given
        boolean demoMapped = group == BenefitGroup.LONG_TERM && r.ltcLevel() == null && levelMapping.isPresent();
        Integer level = r.ltcLevel();
        if (!demoMapped && group == BenefitGroup.LONG_TERM && r.ltcLevel() == null) {
            problems.add("ltcLevel", "REQUIRED");
        } else if (group == BenefitGroup.LONG_TERM && r.ltcLevel() != null
                && (r.ltcLevel() < 1 || r.ltcLevel() > 3)) {
            problems.add("ltcLevel", "LTC_LEVEL_RANGE");
        } else if (group == BenefitGroup.CONTINUING && r.ltcLevel() != null) {
            problems.add("ltcLevel", "LTC_LEVEL_NOT_FOR_CONTINUING_CARE");
        }
        CareForm form = LtcInput.enumOf("careForm", CareForm.class, r.careForm(), true, problems);
        LocalDate from = LtcInput.date("validFrom", r.validFrom(), true, problems);
        LocalDate to = LtcInput.date("validTo", r.validTo(), !demoMapped, problems);
        if (demoMapped && person != null && from != null) {
            var result = careNeeds.current(person.id(), from).orElse(null);
            if (result == null) {
                problems.add("ltcLevel", "LTC_NO_CARE_NEEDS_RESULT");
            } else {
                level = levelMapping.ltcLevel(result.level()).orElse(null);
                if (level == null) {
                    problems.add("ltcLevel", "LTC_CARE_NEEDS_NOT_MAPPED");
                }
            }
            if (to == null && r.validTo() == null) {
                to = from.plusMonths(levelMapping.validityMonths()).minusDays(1);
            }
        }
        LtcInput.period("validTo", from, to, problems);
        LocalDate disabledSince = LtcInput.date("disabledSince", r.disabledSince(), group == BenefitGroup.LONG_TERM,
                problems);
        var rules = from == null ? null : policies.forMonth(java.time.YearMonth.from(from))
                .map(LtcPolicy::benefitRules).orElse(null);
        if (from != null && rules == null) {
            problems.add("validFrom", "LTC_NO_POLICY_FOR_MONTH");
        }
        if (rules != null && group == BenefitGroup.LONG_TERM && disabledSince != null
                && !from.isAfter(disabledSince.plusMonths(rules.longTermMinDisabilityMonths()))) {
            // 第十条: disability lasting more than six months when the benefit starts
            problems.add("disabledSince", "LTC_DISABILITY_UNDER_MIN_MONTHS");
        }
        if (rules != null && group == BenefitGroup.CONTINUING && to != null && !to.isBefore(from)
                && (to.isBefore(from.plusMonths(rules.continuingMinMonths()).minusDays(1))
                || to.isAfter(from.plusMonths(rules.continuingMaxMonths()).minusDays(1)))) {
            // 第十条: a benefit period of one to three months
            problems.add("validTo", "LTC_CONTINUING_PERIOD_RANGE");
        }
        if ((r.homeLatitude() == null) != (r.homeLongitude() == null)) {
            problems.add("homeLongitude", "LTC_POSITION_INCOMPLETE");
        } else if (r.homeLatitude() != null && (Math.abs(r.homeLatitude()) > 90 || Math.abs(r.homeLongitude()) > 180)) {
            problems.add("homeLatitude", "LTC_POSITION_RANGE");
        } else if (r.homeLatitude() != null && form == CareForm.INSTITUTION) {
            problems.add("homeLatitude", "LTC_POSITION_HOME_ONLY");
        }
        Provider provider = null;
        if (r.designatedProviderId() == null) {
            problems.add("designatedProviderId", "REQUIRED");
        } else {
            provider = jdbc.sql("select id, provider_id, valid_from, valid_to from ltc_designated_provider"
                            + " where id = :id and kind = :kind and region_path <@ cast(:j as ltree)")
                    .param("id", r.designatedProviderId()).param("kind", DesignationKind.CARE.name())
                    .param("j", actor.jurisdictionPath())
                    .query((rs, n) -> new Provider(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)))
                    .optional().orElse(null);
            if (provider == null) {
                problems.add("designatedProviderId", "LTC_PROVIDER_UNKNOWN");
            } else if (from != null && (from.isBefore(provider.from())
                    || provider.to() != null && from.isAfter(provider.to()))) {
                problems.add("designatedProviderId", "PROVIDER_NOT_DESIGNATED");
            }
        }
        if (person != null && person.deathDate() != null && from != null && !from.isBefore(person.deathDate())) {
            problems.add("validFrom", "AFTER_DEATH");
        }
        if (rules != null && group == BenefitGroup.CONTINUING && person != null) {
            // 第十条: at most two times a year. Reading: periods starting in the calendar year of this one
            int times = jdbc.sql("select count(*) from ltc_beneficiary where person_id = :p"
                            + " and benefit_group = 'CONTINUING' and extract(year from valid_from) = :y")
                    .param("p", person.id()).param("y", from.getYear()).query(Integer.class).single();
            if (times >= rules.continuingTimesPerYear()) {
                problems.add("validFrom", "LTC_CONTINUING_TIMES_PER_YEAR");
            }
        }
        problems.throwIfAny();
        boolean overlapping = jdbc.sql("""
                        select exists (select 1 from ltc_beneficiary where person_id = :p
                          and daterange(valid_from, coalesce(ended_on, valid_to), '[]') && daterange(:from, :to, '[]'))
                        """)
                .param("p", person.id()).param("from", from).param("to", to).query(Boolean.class).single();
        if (overlapping) {
            throw new Conflict("LTC_BENEFICIARY_EXISTS", Map.of("personId", person.id()));
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into ltc_beneficiary (id, person_id, residence_path, benefit_group, ltc_level,
                          level_source, care_form, designated_provider_id, provider_id, valid_from, valid_to,
                          home_latitude, home_longitude, disabled_since, recorded_by)
                        values (:id, :person, cast(:path as ltree), :group, :level, :source, :form, :dp, :provider,
                          :from, :to, :lat, :lon, :since, :by)
                        """)
                .param("id", id).param("person", person.id()).param("path", person.residencePath())
                .param("group", group.name()).param("level", group == BenefitGroup.LONG_TERM ? level : null)
                .param("source", (demoMapped ? LevelSource.DEMO_MAPPING : LevelSource.OFFICER_ENTERED).name())
                .param("form", form.name())
                .param("dp", provider.id()).param("provider", provider.providerId()).param("from", from)
                .param("to", to).param("lat", r.homeLatitude()).param("lon", r.homeLongitude())
                .param("since", disabledSince).param("by", actor.userId()).update();
        if (provider.providerId() != null) {
            clients.serve(new ProviderClients.ProviderClient(CLIENT_SOURCE, id, provider.providerId(), person.id(),
                    from, to));
        }
        audit.record(AuditEvent.success("LTC_BENEFICIARY_RECORDED", actor, "ltcBeneficiary", id));
        return find(id, actor);
    }

    @Transactional(readOnly = true)
    Beneficiary find(UUID id, Actor actor) {
        return jdbc.sql("select " + COLUMNS + " from ltc_beneficiary where id = :id and "
                        + LtcScope.condition(actor, ""))
                .param("id", id).param("jurisdiction", actor.jurisdictionPath())
                .param("provider", LtcScope.provider(actor))
                .query((rs, n) -> map(rs, stays(rs.getObject("id", UUID.class)))).optional()
                .orElseThrow(() -> new NotFound("ltcBeneficiary"));
    }

    @Transactional(readOnly = true)
    List<Beneficiary> list(Actor actor) {
        return jdbc.sql("select " + COLUMNS + " from ltc_beneficiary where " + LtcScope.condition(actor, "")
                        + " order by valid_from desc, id limit 500")
                .param("jurisdiction", actor.jurisdictionPath()).param("provider", LtcScope.provider(actor))
                .query((rs, n) -> map(rs, List.of())).list();
    }

    /** Ends the benefit (第十九条) on a day; a second end is refused. */
    @Transactional
    Beneficiary end(UUID id, Ending r, Actor actor) {
        actor.require(Role.LTC_OFFICER);
        Beneficiary b = find(id, actor);
        var problems = new InvalidInput.Collector();
        EndReason reason = LtcInput.enumOf("reason", EndReason.class, r.reason(), true, problems);
        LocalDate on = LtcInput.date("endedOn", r.endedOn(), true, problems);
        if (on != null && on.isBefore(b.validFrom())) {
            problems.add("endedOn", "LTC_PERIOD_ORDER");
        }
        problems.throwIfAny();
        if (b.endedOn() != null) {
            throw new Conflict("LTC_BENEFICIARY_ENDED", Map.of("id", id));
        }
        jdbc.sql("update ltc_beneficiary set ended_on = :on, end_reason = :reason where id = :id")
                .param("on", on).param("reason", reason.name()).param("id", id).update();
        clients.end(CLIENT_SOURCE, id, on);
        // lines of later days accepted before the end was known are no longer paid (open months only)
        lateFacts.rejectBeneficiaryLines(id, on.plusDays(1), null,
                reason == EndReason.DEATH ? "AFTER_DEATH" : "NOT_ELIGIBLE_ON_DATE");
        audit.record(AuditEvent.success("LTC_BENEFICIARY_ENDED", actor, "ltcBeneficiary", id)
                .withDetails(Map.of("reason", reason.name())));
        return find(id, actor);
    }

    /**
     * Records a hospital stay (imported admission or entered by the officer). Long-term care is suspended during it;
     * continuing care (延续失能人员) admitted again within its benefit period ends (第十九条) — reading: the day before
     * admission is its last day, as a suspension would start on the day of admission.
     */
    @Transactional
    Beneficiary addHospitalStay(UUID id, NewStay r, Actor actor) {
        actor.require(Role.LTC_OFFICER);
        Beneficiary b = find(id, actor);
        var problems = new InvalidInput.Collector();
        LocalDate admitted = LtcInput.date("admittedOn", r.admittedOn(), true, problems);
        LocalDate discharged = LtcInput.date("dischargedOn", r.dischargedOn(), false, problems);
        LtcInput.period("dischargedOn", admitted, discharged, problems);
        problems.throwIfAny();
        jdbc.sql("insert into ltc_hospital_stay (id, beneficiary_id, admitted_on, discharged_on, recorded_by)"
                        + " values (:id, :b, :a, :d, :by)")
                .param("id", UUID.randomUUID()).param("b", id).param("a", admitted).param("d", discharged)
                .param("by", actor.userId()).update();
        audit.record(AuditEvent.success("LTC_HOSPITAL_STAY_RECORDED", actor, "ltcBeneficiary", id));
        // lines of the stay's days (admission day to the day before discharge) accepted before it was known
        lateFacts.rejectBeneficiaryLines(id, admitted, discharged == null ? null : discharged.minusDays(1),
                "DURING_HOSPITAL_STAY");
        boolean withinBenefit = !admitted.isBefore(b.validFrom()) && !admitted.isAfter(b.validTo())
                && b.endedOn() == null;
        if (b.group() == BenefitGroup.CONTINUING && withinBenefit) {
            jdbc.sql("update ltc_beneficiary set ended_on = :on, end_reason = :reason where id = :id")
                    .param("on", admitted.minusDays(1)).param("reason", EndReason.HOSPITAL_ADMISSION.name())
                    .param("id", id).update();
            clients.end(CLIENT_SOURCE, id, admitted.minusDays(1));
            lateFacts.rejectBeneficiaryLines(id, admitted, null, "CONTINUING_CARE_ENDED");
            audit.record(AuditEvent.success("LTC_BENEFICIARY_ENDED", actor, "ltcBeneficiary", id)
                    .withDetails(Map.of("reason", EndReason.HOSPITAL_ADMISSION.name())));
        }
        return find(id, actor);
    }

    /** Beneficiaries by id, without their hospital stays (a settlement batch reads only accepted lines). */
    List<Beneficiary> loadAll(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from ltc_beneficiary where id = any(cast(:ids as uuid[])) order by id")
                .param("ids", MonthCaseBuilder.texts(ids)).query((rs, n) -> map(rs, List.of())).list();
    }

    List<Beneficiary.HospitalStay> stays(UUID beneficiaryId) {
        return jdbc.sql("select id, admitted_on, discharged_on from ltc_hospital_stay where beneficiary_id = :b"
                        + " order by admitted_on")
                .param("b", beneficiaryId)
                .query((rs, n) -> new Beneficiary.HospitalStay(rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
                .list();
    }

    static Beneficiary map(ResultSet rs, List<Beneficiary.HospitalStay> stays) throws SQLException {
        int level = rs.getInt("ltc_level");
        Integer levelOrNull = rs.wasNull() ? null : level;
        String reason = rs.getString("end_reason");
        return new Beneficiary(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                BenefitGroup.valueOf(rs.getString("benefit_group")), levelOrNull,
                LevelSource.valueOf(rs.getString("level_source")), CareForm.valueOf(rs.getString("care_form")),
                rs.getObject("designated_provider_id", UUID.class), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                reason == null ? null : EndReason.valueOf(reason), rs.getObject("disabled_since", LocalDate.class),
                stays);
    }

    private record Provider(UUID id, @Nullable UUID providerId, LocalDate from, @Nullable LocalDate to) {
    }

    /** The body of a registration; home position only for home care (建床), never logged. */
    record NewBeneficiary(@Nullable UUID personId, @Nullable String group, @Nullable Integer ltcLevel,
                          @Nullable String careForm, @Nullable UUID designatedProviderId, @Nullable String validFrom,
                          @Nullable String validTo, @Nullable Double homeLatitude, @Nullable Double homeLongitude,
                          @Nullable String disabledSince) {
        @Override
        public String toString() {
            return "NewBeneficiary[" + group + ", level " + ltcLevel + ", " + careForm + "]";
        }
    }

    record Ending(@Nullable String reason, @Nullable String endedOn) {
    }

    record NewStay(@Nullable String admittedOn, @Nullable String dischargedOn) {
    }
}
