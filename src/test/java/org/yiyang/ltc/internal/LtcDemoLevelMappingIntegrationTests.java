package org.yiyang.ltc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiyang.assessment.CareLevel;
import org.yiyang.assessment.CareNeeds;
import org.yiyang.audit.AuditTrail;
import org.yiyang.ltc.Beneficiary;
import org.yiyang.ltc.LevelSource;
import org.yiyang.ltc.LtcPolicies;
import org.yiyang.ltc.LtcWorld;
import org.yiyang.person.ProviderClients;
import org.yiyang.person.ResidentLocator;
import org.yiyang.platform.YiyangProperties;
import org.yiyang.region.Regions;
import org.yiyang.shared.Actor;
import org.yiyang.shared.FieldProblem;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.IntegrationTest;

/**
 * The demo pack's level mapping (spec §4.5): in demo mode a long-term beneficiary recorded without a level takes the
 * LTC level mapped from the person's care-needs level, with the demo validity period, recorded as DEMO_MAPPING; outside
 * demo mode there is no mapping and the officer must enter the level.
 */
@IntegrationTest
class LtcDemoLevelMappingIntegrationTests {
    @Autowired JdbcClient jdbc;
    @Autowired ResidentLocator residents;
    @Autowired AuditTrail audit;
    @Autowired LtcPolicies policies;
    @Autowired ProviderClients clients;
    @Autowired LateFacts lateFacts;
    @Autowired CareNeeds careNeeds;
    @Autowired DemoLevelMapping demoMapping;
    @Autowired BeneficiaryRegistry wired;
    @Autowired YiyangProperties properties;
    @Autowired Regions regions;
    @Autowired LtcWorld world;
    Actor officer;
    UUID designated;

    @BeforeEach
    void setUp() {
        officer = new Actor(UUID.randomUUID(), "ltc-officer", Set.of(Role.LTC_OFFICER), LtcWorld.TIANHE,
                regions.pathOf(LtcWorld.TIANHE).orElseThrow(), null);
        designated = world.designatedProvider(LtcWorld.TIANHE, UUID.randomUUID());
    }

    @Test
    void theDemoPackMapsTheCareNeedsLevelAndLabelsItAsDemoValues() {
        assertThat(properties.demoEnabled()).isTrue();
        assertThat(demoMapping.isPresent()).isTrue();
        assertThat(demoMapping.label()).contains("DEMO VALUES");
        assertThat(demoMapping.validityMonths()).isEqualTo(24);
        var severe = new BeneficiaryRegistry(jdbc, residents, audit, policies, clients, lateFacts,
                stub(CareLevel.SEVERE), demoMapping);
        var person = world.resident(LtcWorld.TIANHE);
        Beneficiary b = severe.register(withoutLevel(person.id(), null), officer);
        assertThat(b.ltcLevel()).isEqualTo(2);
        assertThat(b.levelSource()).isEqualTo(LevelSource.DEMO_MAPPING);
        assertThat(b.validTo()).isEqualTo(LocalDate.of(2027, 12, 31)); // 24 months from 2026-01-01
        assertThat(jdbc.sql("select level_source from ltc_beneficiary where id = :id").param("id", b.id())
                .query(String.class).single()).isEqualTo("DEMO_MAPPING");

        // a given last day is kept; an entered level stays officer-entered
        var other = world.resident(LtcWorld.TIANHE);
        assertThat(severe.register(withoutLevel(other.id(), "2026-06-30"), officer).validTo())
                .isEqualTo(LocalDate.of(2026, 6, 30));
        var entered = world.resident(LtcWorld.TIANHE);
        var e = severe.register(new BeneficiaryRegistry.NewBeneficiary(entered.id(), "LONG_TERM", 3, "INSTITUTION",
                designated, "2026-01-01", "2026-12-31", null, null, "2025-03-01"), officer);
        assertThat(e.ltcLevel()).isEqualTo(3);
        assertThat(e.levelSource()).isEqualTo(LevelSource.OFFICER_ENTERED);

        // a mild result maps to no LTC level; nothing is stored
        var mild = new BeneficiaryRegistry(jdbc, residents, audit, policies, clients, lateFacts,
                stub(CareLevel.MILD), demoMapping);
        var third = world.resident(LtcWorld.TIANHE);
        assertRefused(() -> mild.register(withoutLevel(third.id(), null), officer), "LTC_CARE_NEEDS_NOT_MAPPED");
        // the real care-needs reader: a person without an assessment result
        assertRefused(() -> wired.register(withoutLevel(third.id(), null), officer), "LTC_NO_CARE_NEEDS_RESULT");
        assertThat(jdbc.sql("select count(*) from ltc_beneficiary where person_id = :p").param("p", third.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void outsideDemoModeTheMappingIsEmptyAndTheOfficerEntersTheLevel() throws Exception {
        var production = new YiyangProperties(properties.dataDir(), properties.db(),
                new YiyangProperties.Demo(false, 0, 0), properties.city(), properties.mask());
        DemoLevelMapping none = new LtcPolicyConfiguration().ltcDemoLevelMapping(properties.city(), production);
        assertThat(none.isPresent()).isFalse();
        var registry = new BeneficiaryRegistry(jdbc, residents, audit, policies, clients, lateFacts,
                stub(CareLevel.TOTAL), none);
        var person = world.resident(LtcWorld.TIANHE);
        assertRefused(() -> registry.register(withoutLevel(person.id(), "2026-12-31"), officer), "REQUIRED");
        Beneficiary b = registry.register(new BeneficiaryRegistry.NewBeneficiary(person.id(), "LONG_TERM", 1,
                "INSTITUTION", designated, "2026-01-01", "2026-12-31", null, null, "2025-03-01"), officer);
        assertThat(b.levelSource()).isEqualTo(LevelSource.OFFICER_ENTERED);
    }

    private BeneficiaryRegistry.NewBeneficiary withoutLevel(UUID personId, String validTo) {
        return new BeneficiaryRegistry.NewBeneficiary(personId, "LONG_TERM", null, "INSTITUTION", designated,
                "2026-01-01", validTo, null, null, "2025-03-01");
    }

    private static CareNeeds stub(CareLevel level) {
        return (personId, on) -> Optional.of(new CareNeeds.CurrentCareNeeds(level, level.nameKey(),
                on.minusMonths(1), on.plusYears(1), UUID.randomUUID()));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.problems()).containsExactly(FieldProblem.of("ltcLevel", code)));
    }
}
