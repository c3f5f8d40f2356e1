package org.yiyang.ltc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.jobs.JobStatus;
import org.yiyang.jobs.Jobs;
import org.yiyang.ltc.LtcScenario;
import org.yiyang.ltc.LtcWorld;
import org.yiyang.region.Regions;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/** A settlement job that dies half-way is resumed by asking again, and ends with the same statement as a clean run. */
@IntegrationTest
class LtcSettlementResumeIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired LtcWorld world;
    @Autowired SettlementRuns runs;
    @Autowired Jobs jobs;
    @Autowired Regions regions;
    @Autowired JdbcClient jdbc;

    @Test
    void resumesAnInterruptedRunAndEndsWithTheSameStatementAsACleanRun() throws Exception {
        var s = new LtcScenario(mvc, users, world);
        String prefix = "K-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            String b = s.beneficiary(n % 2 == 0 ? "EMPLOYEE" : "RESIDENT", "LONG_TERM", 3, "HOME", "2027-12-31");
            s.plan(b, "\"dailyVisits\":true,\"minutesPerVisit\":60", "SAMPLE-LC-001", "SAMPLE-LC-002");
            for (int d = 1; d <= 10; d++) {
                lines.add(LtcScenario.visit(prefix + n + "-" + d, b, "2026-06-%02d".formatted(d), prefix + n, "CARER",
                        1, 60, LtcScenario.HOME_LAT, LtcScenario.item("SAMPLE-LC-00" + (1 + d % 2), 1 + n)));
            }
        }
        s.submit(lines);
        var officer = new Actor(UUID.randomUUID(), "ltc-officer", Set.of(Role.LTC_OFFICER), LtcWorld.TIANHE,
                regions.pathOf(LtcWorld.TIANHE).orElseThrow(), null);
        var request = new SettlementRuns.NewRun(s.street, "2026-06");

        var clean = runs.preview(request, officer);
        byte[] cleanCsv = csv(clean.id(), s.officer);
        // a rebuild that "crashes" after two beneficiaries: the job stays RUNNING, the run incomplete
        jdbc.sql("update ltc_settlement_run set completed = true where id = :id").param("id", clean.id()).update();
        var broken = runs.preview(request, officer, 2);
        assertThat(broken.completed()).isFalse();
        assertThat(jobs.find(broken.jobId()).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(jdbc.sql("select count(distinct beneficiary_id) from ltc_settlement_line where run_id = :id")
                .param("id", clean.id()).query(Integer.class).single()).isEqualTo(2);

        var resumed = runs.preview(request, officer);
        assertThat(resumed.completed()).isTrue();
        assertThat(jobs.find(resumed.jobId()).orElseThrow().done()).isEqualTo(5);
        assertThat(csv(resumed.id(), s.officer)).isEqualTo(cleanCsv);
    }

    private byte[] csv(UUID id, String bearer) throws Exception {
        return mvc.perform(get("/api/v1/ltc/settlements/" + id + "/statement.csv").header("Authorization", bearer))
                .andReturn().getResponse().getContentAsByteArray();
    }
}
