package org.yiyang.ltc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/**
 * Facts recorded after the lines they concern: a hospital stay, a death, the end or a suspension of the provider's
 * agreement. Lines of those days already accepted are rejected then, with the reason a line sent afterwards would
 * get, so no settlement pays them; a frozen (approved) month is never changed.
 */
@IntegrationTest
class LtcLateFactsIntegrationTests {
    static final String ITEMS = LtcScenario.item("SAMPLE-LC-001", 1);

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired LtcWorld world;
    @Autowired JdbcClient jdbc;
    LtcScenario s;
    String prefix;

    @BeforeEach
    void setUp() throws Exception {
        s = new LtcScenario(mvc, users, world);
        prefix = "LF-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    @Test
    void aLaterHospitalStayAndDeathRejectTheLinesOfTheirDaysOnly() throws Exception {
        String b = s.beneficiary("EMPLOYEE", "LONG_TERM", 3, "HOME", "2027-12-31");
        s.plan(b, "\"dailyVisits\":true,\"minutesPerVisit\":60", "SAMPLE-LC-001");
        accept(b, "2026-05-04", "2026-05-05", "2026-05-06", "2026-05-07", "2026-05-20");

        // in hospital from the 5th, discharged on the 7th: the 5th and 6th were hospital days, the 7th is not
        s.send(s.officer, "/api/v1/ltc/beneficiaries/" + b + "/hospital-stays",
                "{\"admittedOn\":\"2026-05-05\",\"dischargedOn\":\"2026-05-07\"}");
        assertThat(outcome("2026-05-04")).isEqualTo("ACCEPTED");
        assertThat(outcome("2026-05-05")).isEqualTo("REJECTED DURING_HOSPITAL_STAY");
        assertThat(outcome("2026-05-06")).isEqualTo("REJECTED DURING_HOSPITAL_STAY");
        assertThat(outcome("2026-05-07")).isEqualTo("ACCEPTED");

        s.send(s.officer, "/api/v1/ltc/beneficiaries/" + b + "/end",
                "{\"reason\":\"DEATH\",\"endedOn\":\"2026-05-10\"}");
        assertThat(outcome("2026-05-20")).isEqualTo("REJECTED AFTER_DEATH");
        assertThat(outcome("2026-05-07")).isEqualTo("ACCEPTED");
        // the settlement pays the two days left: what a submission after the facts would have given
        String run = s.settle("2026-05");
        assertThat(JsonPath.<Integer>read(run, "$.beneficiaries")).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select count(distinct r.service_date) from ltc_service_record r
                        where r.record_id like :p and r.outcome = 'ACCEPTED'
                        """).param("p", prefix + "%").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aLaterAgreementEndOrSuspensionRejectsTheProvidersLinesOfThoseDays() throws Exception {
        String b = s.beneficiary("EMPLOYEE", "LONG_TERM", 3, "HOME", "2027-12-31");
        s.plan(b, "\"dailyVisits\":true,\"minutesPerVisit\":60", "SAMPLE-LC-001");
        accept(b, "2026-06-02", "2026-06-03", "2026-06-15", "2026-06-25");
        String url = "/api/v1/ltc/designated-providers/" + s.designated;
        s.send(s.officer, url + "/suspensions", "{\"fromDay\":\"2026-06-03\",\"toDay\":\"2026-06-03\"}");
        s.send(s.officer, url + "/end", "{\"endedOn\":\"2026-06-20\"}");
        assertThat(outcome("2026-06-02")).isEqualTo("ACCEPTED");
        assertThat(outcome("2026-06-03")).isEqualTo("REJECTED PROVIDER_NOT_DESIGNATED");
        assertThat(outcome("2026-06-15")).isEqualTo("ACCEPTED");
        assertThat(outcome("2026-06-25")).isEqualTo("REJECTED PROVIDER_NOT_DESIGNATED");
    }

    @Test
    void aFrozenMonthIsNeverChangedByALateFact() throws Exception {
        String b = s.beneficiary("EMPLOYEE", "LONG_TERM", 3, "HOME", "2027-12-31");
        s.plan(b, "\"dailyVisits\":true,\"minutesPerVisit\":60", "SAMPLE-LC-001");
        accept(b, "2026-07-06", "2026-08-03");
        String run = JsonPath.read(s.settle("2026-07"), "$.id");
        mvc.perform(post("/api/v1/ltc/settlements/" + run + "/approval").header("Authorization", s.officer))
                .andExpect(status().isOk());
        s.send(s.officer, "/api/v1/ltc/beneficiaries/" + b + "/hospital-stays",
                "{\"admittedOn\":\"2026-07-01\",\"dischargedOn\":\"2026-08-10\"}");
        assertThat(outcome("2026-07-06")).isEqualTo("ACCEPTED");                 // approved July: untouched
        assertThat(outcome("2026-08-03")).isEqualTo("REJECTED DURING_HOSPITAL_STAY"); // open August
    }

    private void accept(String beneficiary, String... days) throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        for (String day : days) {
            lines.add(LtcScenario.visit(prefix + day, beneficiary, day, prefix, "CARER", 1, 60, LtcScenario.HOME_LAT,
                    ITEMS));
        }
        String answer = s.submit(lines);
        assertThat(JsonPath.<Integer>read(answer, "$.accepted")).as(answer).isEqualTo(days.length);
    }

    /** The stored line of the day: its outcome, and the reason the late fact added. */
    private String outcome(String day) {
        return jdbc.sql("""
                        select outcome || coalesce(' ' || reasons[array_length(reasons, 1)], '')
                        from ltc_service_record where record_id = :r
                        """).param("r", prefix + day).query(String.class).single();
    }
}
