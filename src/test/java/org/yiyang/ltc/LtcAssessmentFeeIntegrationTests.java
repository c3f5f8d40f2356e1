package org.yiyang.ltc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/**
 * Assessment fees (第十八条, spec §10) recorded by the LTC office with the fee and who pays it, and counted by the
 * region's settlement run of the month: the fund's share paid to the agencies, the applicants' share billed.
 */
@IntegrationTest
class LtcAssessmentFeeIntegrationTests {
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
    void eachKindOfAssessmentIsPaidAsArticle18SaysAndTheMonthsRunCountsThem() throws Exception {
        UUID a = world.resident(s.street).id();
        UUID b = world.resident(s.street).id();
        // 失能评估 giving level 2: 200 元, fund 100 % → fund 200.00, applicant 0
        fee(a, "DISABILITY", "2026-09-03", 2, null, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.feeFen").value(20000)).andExpect(jsonPath("$.fundFen").value(20000))
                .andExpect(jsonPath("$.applicantFen").value(0));
        // 失能评估 giving level 1: 200 元, fund 50 % → 100.00 each
        fee(b, "DISABILITY", "2026-09-04", 1, null, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.fundFen").value(10000)).andExpect(jsonPath("$.applicantFen").value(10000));
        // 失能评估 giving no LTC level: the applicant pays the 200 元
        fee(b, "DISABILITY", "2026-09-05", null, null, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.fundFen").value(0)).andExpect(jsonPath("$.applicantFen").value(20000));
        // 复评 asked by the applicant confirming the first level (2 → 2): the applicant pays
        fee(a, "REASSESSMENT", "2026-09-10", 2, 2, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.fundFen").value(0)).andExpect(jsonPath("$.applicantFen").value(20000));
        // 延续护理评估, qualifies: 100 元, fund 100 %
        fee(b, "CONTINUING_CARE", "2026-09-11", 1, null, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.feeFen").value(10000)).andExpect(jsonPath("$.fundFen").value(10000));
        // 核查评估 by the insurance agency: the fund pays the fee it gives (150 元)
        fee(a, "VERIFICATION", "2026-09-12", null, null, 15000L).andExpect(status().isCreated())
                .andExpect(jsonPath("$.fundFen").value(15000));

        // the month's fees: fund 200 + 100 + 0 + 0 + 100 + 150 = 550.00; applicants 0 + 100 + 200 + 200 = 500.00
        mvc.perform(get("/api/v1/ltc/assessment-fees").param("month", "2026-09").header("Authorization", s.officer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.fees.length()").value(Matchers.greaterThanOrEqualTo(6)));
        String run = s.settle("2026-09");
        assertThat(JsonPath.<Integer>read(run, "$.assessmentFees.count")).isEqualTo(6);
        assertThat(JsonPath.<Integer>read(run, "$.assessmentFees.fundFen")).isEqualTo(55000);
        assertThat(JsonPath.<Integer>read(run, "$.assessmentFees.applicantFen")).isEqualTo(50000);

        // once the month is approved its fees are frozen
        String id = JsonPath.read(run, "$.id");
        mvc.perform(post("/api/v1/ltc/settlements/" + id + "/approval").header("Authorization", s.officer))
                .andExpect(status().isOk());
        fee(a, "DISABILITY", "2026-09-20", 3, null, null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("MONTH_LOCKED"));
    }

    @Test
    void badInputIsRefusedFieldByFieldAndOtherDistrictsPersonsAreUnknown() throws Exception {
        long before = jdbc.sql("select count(*) from ltc_assessment_fee").query(Long.class).single();
        mvc.perform(post("/api/v1/ltc/assessment-fees").header("Authorization", s.officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"GUESS\",\"assessedOn\":\"2099-01-01\",\"ltcLevel\":5}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("personId", "kind",
                        "assessedOn", "agency", "ltcLevel")));
        UUID haizhu = world.resident(LtcWorld.HAIZHU).id();
        fee(haizhu, "DISABILITY", "2026-09-03", 2, null, null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("LTC_PERSON_UNKNOWN"));
        fee(world.resident(s.street).id(), "VERIFICATION", "2026-09-03", null, null, null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("verificationFeeFen"));
        assertThat(jdbc.sql("select count(*) from ltc_assessment_fee").query(Long.class).single()).isEqualTo(before);
        String staff = Api.bearer(mvc, users.create(Role.PROVIDER_STAFF, LtcWorld.TIANHE), TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/ltc/assessment-fees").param("month", "2026-09").header("Authorization", staff))
                .andExpect(status().isForbidden());
    }

    private ResultActions fee(UUID person, String kind, String on, Integer level, Integer first, Long verification)
            throws Exception {
        String body = "{\"personId\":\"" + person + "\",\"kind\":\"" + kind + "\",\"assessedOn\":\"" + on
                + "\",\"agency\":\"测试评估机构\"" + (level == null ? "" : ",\"ltcLevel\":" + level)
                + (first == null ? "" : ",\"firstLevel\":" + first)
                + (verification == null ? "" : ",\"verificationFeeFen\":" + verification) + "}";
        return mvc.perform(post("/api/v1/ltc/assessment-fees").header("Authorization", s.officer)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
