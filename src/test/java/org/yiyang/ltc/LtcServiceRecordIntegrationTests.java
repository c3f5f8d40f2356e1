package org.yiyang.ltc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/** Care plans against the visit minimum, and service records validated line by line with reason codes. */
@IntegrationTest
class LtcServiceRecordIntegrationTests {
    static final String ALL_ITEMS = LtcScenario.item("SAMPLE-LC-001", 1);

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired LtcWorld world;
    @Autowired JdbcClient jdbc;
    LtcScenario s;
    String prefix;

    @BeforeEach
    void setUp() throws Exception {
        s = new LtcScenario(mvc, users, world);
        prefix = "R-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    @Test
    void refusesAPlanBelowTheVisitMinimumOfItsClass() throws Exception {
        String b = s.beneficiary("EMPLOYEE", "LONG_TERM", 2, "HOME", "2027-12-31");
        // B类, employee (第十三条): at least 12 visits and 28 hours a month — 10 visits of 2 hours misses both
        mvc.perform(post("/api/v1/ltc/beneficiaries/" + b + "/care-plans").header("Authorization", s.staff)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"startOn":"2026-01-01","endOn":"2026-12-31","visitsPerMonth":10,"minutesPerVisit":120,
                                 "items":[{"code":"SAMPLE-LC-001","timesPerMonth":10},{"code":"NOPE","timesPerMonth":1}]}
                                """))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field=='visitsPerMonth')].code").value("LTC_PLAN_BELOW_VISIT_MINIMUM"))
                .andExpect(jsonPath("$.errors[?(@.field=='minutesPerVisit')].code").value("LTC_PLAN_BELOW_VISIT_HOURS"))
                .andExpect(jsonPath("$.errors[?(@.field=='items[1].code')].code").value("ITEM_NOT_IN_CATALOGUE"));
        String a = s.beneficiary("EMPLOYEE", "LONG_TERM", 3, "HOME", "2027-12-31");
        mvc.perform(post("/api/v1/ltc/beneficiaries/" + a + "/care-plans").header("Authorization", s.staff)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"startOn":"2026-01-01","endOn":"2026-12-31","visitsPerMonth":20,"minutesPerVisit":60,
                                 "items":[{"code":"SAMPLE-MC-001","timesPerMonth":10}]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("dailyVisits"));
        // 12 visits × 140 minutes = 28 hours: exactly the minimum
        s.plan(b, "\"visitsPerMonth\":12,\"minutesPerVisit\":140", "SAMPLE-LC-001");
        mvc.perform(get("/api/v1/ltc/beneficiaries/" + b + "/care-plans").header("Authorization", s.staff))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].items[0].code").value("SAMPLE-LC-001"));
    }

    @Test
    void givesEveryLineAnOutcomeAndAReasonCode() throws Exception {
        String b = s.beneficiary("EMPLOYEE", "LONG_TERM", 3, "HOME", "2027-12-31");
        s.plan(b, "\"dailyVisits\":true,\"minutesPerVisit\":60", "SAMPLE-LC-001", "SAMPLE-MC-001");
        String expiring = s.beneficiary("EMPLOYEE", "LONG_TERM", 3, "HOME", "2026-02-18");
        s.plan(expiring, "\"dailyVisits\":true,\"minutesPerVisit\":60", "SAMPLE-LC-001");
        String dying = s.beneficiary("RESIDENT", "LONG_TERM", 3, "HOME", "2027-12-31");
        s.plan(dying, "\"dailyVisits\":true,\"minutesPerVisit\":60", "SAMPLE-LC-001");
        s.send(s.officer, "/api/v1/ltc/beneficiaries/" + dying + "/end", "{\"reason\":\"DEATH\",\"endedOn\":\"2026-02-20\"}");
        s.send(s.officer, "/api/v1/ltc/beneficiaries/" + b + "/hospital-stays",
                "{\"admittedOn\":\"2026-02-10\",\"dischargedOn\":\"2026-02-15\"}");
        double home = LtcScenario.HOME_LAT;
        String cg = prefix + "CG";
        List<String> lines = List.of(
                LtcScenario.visit(prefix + "ok", b, "2026-02-02", cg, "CARER", 1, 60, home, ALL_ITEMS),
                LtcScenario.visit(prefix + "early", b, "2025-12-31", cg + "2", "CARER", 1, 60, home, ALL_ITEMS),
                LtcScenario.visit(prefix + "carer", b, "2026-02-03", cg, "CARER", 1, 60, home,
                        LtcScenario.item("SAMPLE-MC-001", 1)),
                LtcScenario.visit(prefix + "plan", b, "2026-02-04", cg, "CARER", 1, 60, home,
                        LtcScenario.item("SAMPLE-DV-001", 1)),
                LtcScenario.visit(prefix + "cat", b, "2026-02-05", cg, "CARER", 1, 60, home,
                        LtcScenario.item("NOPE-1", 1)),
                LtcScenario.visit(prefix + "overlap", b, "2026-02-02", cg, "CARER", 1, 90, home, ALL_ITEMS)
                        .replace("T01:00:00Z", "T01:30:00Z"),
                // 0.01° of latitude is about 1.1 km from the home bed
                LtcScenario.visit(prefix + "far", b, "2026-02-06", cg, "CARER", 1, 60, home + 0.01, ALL_ITEMS),
                LtcScenario.visit(prefix + "near", b, "2026-02-07", cg, "CARER", 1, 60, home + 0.001, ALL_ITEMS),
                LtcScenario.visit(prefix + "dup", b, "2026-02-02", cg + "3", "CARER", 1, 60, home, ALL_ITEMS),
                LtcScenario.visit(prefix + "hosp", b, "2026-02-12", cg, "CARER", 1, 60, home, ALL_ITEMS),
                LtcScenario.visit(prefix + "back", b, "2026-02-15", cg, "CARER", 1, 60, home, ALL_ITEMS),
                LtcScenario.visit(prefix + "dead", dying, "2026-02-21", cg, "CARER", 1, 60, home, ALL_ITEMS),
                LtcScenario.visit(prefix + "expired", expiring, "2026-02-19", cg, "CARER", 1, 60, home, ALL_ITEMS),
                // 18:00 UTC on the 8th is 02:00 on the 9th in Shanghai
                LtcScenario.visit(prefix + "night", b, "2026-02-08", cg + "4", "CARER", 18, 60, home, ALL_ITEMS),
                LtcScenario.visit(prefix + "stranger", UUID.randomUUID().toString(), "2026-02-02", cg, "CARER", 5,
                        60, home, ALL_ITEMS));
        String answer = s.submit(lines);
        assertThat(reasons(answer, "ok")).isEmpty();
        assertThat(outcome(answer, "ok")).isEqualTo("ACCEPTED");
        assertThat(reasons(answer, "early")).contains("NOT_ELIGIBLE_ON_DATE");
        assertThat(reasons(answer, "carer")).containsExactly("CAREGIVER_NOT_QUALIFIED");
        assertThat(reasons(answer, "plan")).containsExactly("ITEM_NOT_IN_PLAN");
        assertThat(reasons(answer, "cat")).containsExactly("ITEM_NOT_IN_CATALOGUE");
        assertThat(reasons(answer, "overlap")).containsExactly("OVERLAPPING_VISIT");
        assertThat(reasons(answer, "far")).containsExactly("CHECKIN_TOO_FAR");
        assertThat(reasons(answer, "near")).isEmpty(); // about 111 m: within the 300 m
        assertThat(reasons(answer, "dup")).containsExactly("DUPLICATE");
        assertThat(reasons(answer, "hosp")).containsExactly("DURING_HOSPITAL_STAY");
        assertThat(reasons(answer, "back")).isEmpty(); // the day of discharge is paid again
        assertThat(reasons(answer, "dead")).containsExactly("AFTER_DEATH");
        assertThat(reasons(answer, "expired")).containsExactly("ASSESSMENT_EXPIRED");
        assertThat(reasons(answer, "night")).containsExactly("CHECKIN_NOT_ON_DATE");
        assertThat(reasons(answer, "stranger")).containsExactly("BENEFICIARY_UNKNOWN");

        // another designation of the same provider is not this beneficiary's designated provider
        UUID other = world.designatedProvider(LtcWorld.TIANHE, s.facilityProvider);
        String wrong = s.submit(other, List.of(LtcScenario.visit(prefix + "wrong", b, "2026-02-08", cg, "CARER", 1, 60,
                home, ALL_ITEMS)));
        assertThat(reasons(wrong, "wrong")).containsExactly("PROVIDER_NOT_DESIGNATED");

        mvc.perform(get("/api/v1/ltc/service-records").param("month", "2026-02").param("outcome", "REJECTED")
                        .header("Authorization", s.staff))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.recordId=='" + prefix + "far')].reasons[0]").value("CHECKIN_TOO_FAR"));
    }

    @Test
    void aResubmissionIsIdempotentAndCorrectsARejectedLine() throws Exception {
        String b = s.beneficiary("EMPLOYEE", "LONG_TERM", 3, "HOME", "2027-12-31");
        s.plan(b, "\"dailyVisits\":true,\"minutesPerVisit\":60", "SAMPLE-LC-001");
        double home = LtcScenario.HOME_LAT;
        List<String> batch = List.of(
                LtcScenario.visit(prefix + "1", b, "2026-03-02", prefix, "CARER", 1, 60, home, ALL_ITEMS),
                LtcScenario.visit(prefix + "2", b, "2026-03-03", prefix, "CARER", 1, 60, home + 0.02, ALL_ITEMS));
        String first = s.submit(batch);
        String again = s.submit(batch);
        assertThat(JsonPath.<Integer>read(again, "$.accepted")).isEqualTo(1);
        assertThat(JsonPath.<List<Boolean>>read(again, "$.results[*].written")).containsExactly(false, true);
        assertThat(reasons(again, "2")).isEqualTo(reasons(first, "2")).containsExactly("CHECKIN_TOO_FAR");
        String corrected = s.submit(List.of(LtcScenario.visit(prefix + "2", b, "2026-03-03", prefix, "CARER", 1, 60,
                home, ALL_ITEMS)));
        assertThat(outcome(corrected, "2")).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("select count(*) from ltc_service_record where record_id like :p")
                .param("p", prefix + "%").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select revision from ltc_service_record where record_id = :r")
                .param("r", prefix + "2").query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void refusesABatchItCannotReadAndChangesNothing() throws Exception {
        String b = s.beneficiary("EMPLOYEE", "LONG_TERM", 3, "HOME", "2027-12-31");
        List<String> tooMany = new ArrayList<>(Collections.nCopies(1001,
                LtcScenario.visit(prefix + "x", b, "2026-03-02", prefix, "CARER", 1, 60, 23.13, ALL_ITEMS)));
        mvc.perform(post("/api/v1/ltc/service-records").header("Authorization", s.staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"designatedProviderId\":\"" + s.designated + "\",\"records\":["
                                + String.join(",", tooMany) + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field=='records')].code").value("LTC_BATCH_TOO_LARGE"));
        mvc.perform(post("/api/v1/ltc/service-records").header("Authorization", s.staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"designatedProviderId\":\"" + s.designated + "\",\"records\":[{\"recordId\":\""
                                + prefix + "y\",\"serviceDate\":\"2026-02-30\",\"items\":[]}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "records[0].beneficiaryId", "records[0].serviceDate", "records[0].items")));
        // a designation of another provider does not exist for this staff member
        String otherStaff = org.yiyang.testsupport.Api.bearer(mvc, world.providerStaff(LtcWorld.TIANHE,
                UUID.randomUUID()), TestUsers.PASSWORD);
        mvc.perform(post("/api/v1/ltc/service-records").header("Authorization", otherStaff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"designatedProviderId\":\"" + s.designated + "\",\"records\":["
                                + LtcScenario.visit(prefix + "z", b, "2026-03-02", prefix, "CARER", 1, 60, 23.13,
                                ALL_ITEMS) + "]}"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from ltc_service_record where record_id like :p")
                .param("p", prefix + "%").query(Long.class).single()).isZero();
    }

    private List<String> reasons(String answer, String suffix) {
        List<List<String>> found = JsonPath.read(answer, "$.results[?(@.recordId=='" + prefix + suffix + "')].reasons");
        assertThat(found).as("line " + suffix + " in " + answer).hasSize(1);
        return found.get(0);
    }

    private String outcome(String answer, String suffix) {
        List<String> found = JsonPath.read(answer, "$.results[?(@.recordId=='" + prefix + suffix + "')].outcome");
        return found.get(0);
    }
}
