package org.yiyang.ltc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.audit.AuditTrail;
import org.yiyang.jobs.Jobs;
import org.yiyang.ltc.LtcPolicies;
import org.yiyang.ltc.LtcSettlementEngine;
import org.yiyang.ltc.LtcWorld;
import org.yiyang.ltc.ServiceCatalogues;
import org.yiyang.platform.YiyangProperties;
import org.yiyang.region.Regions;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Conflict;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.IntegrationTest;

/** Outside demo mode a settlement on the SAMPLE catalogue is refused before anything is written. */
@IntegrationTest
class LtcSettlementCatalogueGuardIntegrationTests {
    @Autowired JdbcClient jdbc;
    @Autowired Regions regions;
    @Autowired LtcPolicies policies;
    @Autowired ServiceCatalogues catalogues;
    @Autowired LtcSettlementEngine engine;
    @Autowired MonthCaseBuilder cases;
    @Autowired BeneficiaryRegistry beneficiaries;
    @Autowired Jobs jobs;
    @Autowired TransactionTemplate transactions;
    @Autowired AuditTrail audit;
    @Autowired YiyangProperties properties;
    @Autowired org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate namedJdbc;
    @Autowired javax.sql.DataSource dataSource;

    @Test
    void refusesTheSampleCatalogueOutsideDemoMode() {
        var production = new YiyangProperties(properties.dataDir(), properties.db(),
                new YiyangProperties.Demo(false, 0, 0), properties.city(), properties.mask());
        var runs = new SettlementRuns(jdbc, regions, policies, catalogues, engine, cases, beneficiaries, jobs,
                transactions, audit, production, namedJdbc, dataSource);
        var officer = new Actor(UUID.randomUUID(), "ltc-officer", Set.of(Role.LTC_OFFICER), LtcWorld.TIANHE,
                regions.pathOf(LtcWorld.TIANHE).orElseThrow(), null);
        long before = jdbc.sql("select count(*) from ltc_settlement_run").query(Long.class).single();
        assertThatThrownBy(() -> runs.preview(new SettlementRuns.NewRun(LtcWorld.TIANHE, "2026-08"), officer))
                .isInstanceOfSatisfying(Conflict.class,
                        c -> assertThat(c.code()).isEqualTo("LTC_CATALOGUE_NOT_FOR_PAYMENT"));
        assertThat(jdbc.sql("select count(*) from ltc_settlement_run").query(Long.class).single()).isEqualTo(before);
    }
}
