package org.yiyang.ltc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/**
 * The conditions of 第十条 checked when a beneficiary is recorded (long-term disability of more than six months;
 * continuing care for one to three months, at most twice a year) and the end of continuing care by a new hospital
 * admission (第十九条), with the reason codes its lines get.
 */
@IntegrationTest
class LtcContinuingCareIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired LtcWorld world;
    @Autowired JdbcClient jdbc;
    LtcScenario s;

    @BeforeEach
    void setUp() throws Exception {
        s = new LtcScenario(mvc, users, world);
    }

    @Test
    void refusesALongTermDisabilityOfSixMonthsOrLess() throws Exception {
        var person = world.resident(s.street);
        long before = count();
        // 2025-07-01 + 6 months = 2026-01-01: not more than six months on the first day of the benefit
        register(longTerm(person.id(), "2025-07-01")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("disabledSince"))
                .andExpect(jsonPath("$.errors[0].code").value("LTC_DISABILITY_UNDER_MIN_MONTHS"));
        assertThat(count()).isEqualTo(before);
        // 2025-06-30 + 6 months = 2025-12-30, before 2026-01-01: more than six months
        register(longTerm(person.id(), "2025-06-30")).andExpect(status().isCreated());
    }

    @Test
    void grantsContinuingCareForOneToThreeMonthsAtMostTwiceAYear() throws Exception {
        var person = world.resident(s.street);
        long before = count();
        // from 2026-01-01 three months end on 2026-03-31; one month on 2026-01-31
        register(continuing(person.id(), "2026-01-01", "2026-04-01")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("validTo"))
                .andExpect(jsonPath("$.errors[0].code").value("LTC_CONTINUING_PERIOD_RANGE"));
        register(continuing(person.id(), "2026-01-01", "2026-01-30")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("LTC_CONTINUING_PERIOD_RANGE"));
        assertThat(count()).isEqualTo(before);
        register(continuing(person.id(), "2026-01-01", "2026-01-31")).andExpect(status().isCreated());
        register(continuing(person.id(), "2026-03-01", "2026-05-31")).andExpect(status().isCreated());
        // a third time in 2026 is refused; 2027 is a new year
        register(continuing(person.id(), "2026-07-01", "2026-07-31")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("validFrom"))
                .andExpect(jsonPath("$.errors[0].code").value("LTC_CONTINUING_TIMES_PER_YEAR"));
        assertThat(count()).isEqualTo(before + 2);
        register(continuing(person.id(), "2027-01-01", "2027-01-31")).andExpect(status().isCreated());
    }

    @Test
    void aNewHospitalAdmissionEndsContinuingCareAndItsLinesSayWhy() throws Exception {
        String ended = s.beneficiary("RESIDENT", "CONTINUING", null, "HOME", "2026-01-01", "2026-03-31");
        s.plan(ended, "\"dailyVisits\":true,\"minutesPerVisit\":60", "SAMPLE-LC-001");
        String running = s.beneficiary("RESIDENT", "CONTINUING", null, "HOME", "2026-01-01", "2026-03-31");
        s.plan(running, "\"dailyVisits\":true,\"minutesPerVisit\":60", "SAMPLE-LC-001");
        String longTerm = s.beneficiary("RESIDENT", "LONG_TERM", 3, "HOME", "2027-12-31");
        s.plan(longTerm, "\"dailyVisits\":true,\"minutesPerVisit\":60", "SAMPLE-LC-001");

        String stay = "{\"admittedOn\":\"2026-02-10\",\"dischargedOn\":\"2026-02-15\"}";
        String after = s.send(s.officer, "/api/v1/ltc/beneficiaries/" + ended + "/hospital-stays", stay);
        // the day before admission is the last day of the benefit
        assertThat((String) JsonPath.read(after, "$.endReason")).isEqualTo("HOSPITAL_ADMISSION");
        assertThat((String) JsonPath.read(after, "$.endedOn")).isEqualTo("2026-02-09");
        // long-term care is only suspended by the same stay
        String suspended = s.send(s.officer, "/api/v1/ltc/beneficiaries/" + longTerm + "/hospital-stays", stay);
        assertThat((Object) JsonPath.read(suspended, "$.endReason")).isNull();

        String p = "CC-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String item = LtcScenario.item("SAMPLE-LC-001", 1);
        double home = LtcScenario.HOME_LAT;
        String answer = s.submit(List.of(
                LtcScenario.visit(p + "last", ended, "2026-02-09", p + "A", "CARER", 1, 60, home, item),
                LtcScenario.visit(p + "ended", ended, "2026-02-16", p + "A", "CARER", 1, 60, home, item),
                LtcScenario.visit(p + "lastday", running, "2026-03-31", p + "B", "CARER", 1, 60, home, item),
                LtcScenario.visit(p + "over", running, "2026-04-01", p + "B", "CARER", 1, 60, home, item),
                LtcScenario.visit(p + "resumed", longTerm, "2026-02-16", p + "C", "CARER", 1, 60, home, item)));
        assertThat(reasons(answer, p + "last")).isEmpty();
        assertThat(reasons(answer, p + "ended")).containsExactly("CONTINUING_CARE_ENDED");
        assertThat(reasons(answer, p + "lastday")).isEmpty();
        assertThat(reasons(answer, p + "over")).containsExactly("BENEFIT_PERIOD_OVER");
        assertThat(reasons(answer, p + "resumed")).isEmpty();
    }

    private static List<String> reasons(String answer, String recordId) {
        List<List<String>> found = JsonPath.read(answer, "$.results[?(@.recordId=='" + recordId + "')].reasons");
        assertThat(found).as(recordId).hasSize(1);
        return found.get(0);
    }

    private String longTerm(UUID person, String disabledSince) {
        return """
                {"personId":"%s","group":"LONG_TERM","ltcLevel":2,"careForm":"INSTITUTION",
                 "designatedProviderId":"%s","validFrom":"2026-01-01","validTo":"2027-12-31",
                 "disabledSince":"%s"}""".formatted(person, s.designated, disabledSince);
    }

    private String continuing(UUID person, String from, String to) {
        return """
                {"personId":"%s","group":"CONTINUING","careForm":"INSTITUTION","designatedProviderId":"%s",
                 "validFrom":"%s","validTo":"%s"}""".formatted(person, s.designated, from, to);
    }

    private ResultActions register(String body) throws Exception {
        return mvc.perform(post("/api/v1/ltc/beneficiaries").header("Authorization", s.officer)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long count() {
        return jdbc.sql("select count(*) from ltc_beneficiary").query(Long.class).single();
    }
}
