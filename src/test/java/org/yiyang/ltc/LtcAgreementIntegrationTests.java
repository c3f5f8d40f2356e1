package org.yiyang.ltc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/** The LTC officer ends or suspends a designated provider's agreement (audited); its later lines are refused. */
@IntegrationTest
class LtcAgreementIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired LtcWorld world;
    @Autowired JdbcClient jdbc;

    @Test
    void linesAfterTheEndOrWithinASuspensionAreRefusedAsNotDesignated() throws Exception {
        var s = new LtcScenario(mvc, users, world);
        String b = s.beneficiary("EMPLOYEE", "LONG_TERM", 3, "HOME", "2027-12-31");
        s.plan(b, "\"dailyVisits\":true,\"minutesPerVisit\":60", "SAMPLE-LC-001");
        String url = "/api/v1/ltc/designated-providers/" + s.designated;
        String haizhu = Api.bearer(mvc, users.create(Role.LTC_OFFICER, LtcWorld.HAIZHU), TestUsers.PASSWORD);
        mvc.perform(post(url + "/end").header("Authorization", haizhu).contentType(MediaType.APPLICATION_JSON)
                .content("{\"endedOn\":\"2026-04-10\"}")).andExpect(status().isNotFound());
        mvc.perform(post(url + "/end").header("Authorization", s.staff).contentType(MediaType.APPLICATION_JSON)
                .content("{\"endedOn\":\"2026-04-10\"}")).andExpect(status().isForbidden());
        mvc.perform(post(url + "/end").header("Authorization", s.officer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"endedOn\":\"2026-13-01\"}")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("endedOn"));

        String ended = s.send(s.officer, url + "/end", "{\"endedOn\":\"2026-04-10\"}");
        assertThat((String) JsonPath.read(ended, "$.validTo")).isEqualTo("2026-04-10");
        mvc.perform(post(url + "/end").header("Authorization", s.officer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"endedOn\":\"2026-04-20\"}")).andExpect(status().isConflict());
        s.send(s.officer, url + "/suspensions", "{\"fromDay\":\"2026-03-05\",\"toDay\":\"2026-03-06\"}");
        assertThat(jdbc.sql("select count(*) from audit_event where object_id = :id and event_type in"
                        + " ('LTC_AGREEMENT_ENDED', 'LTC_AGREEMENT_SUSPENDED')")
                .param("id", s.designated.toString()).query(Integer.class).single()).isEqualTo(2);

        String p = "AG-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String item = LtcScenario.item("SAMPLE-LC-001", 1);
        double home = LtcScenario.HOME_LAT;
        String answer = s.submit(List.of(
                LtcScenario.visit(p + "before", b, "2026-03-04", p, "CARER", 1, 60, home, item),
                LtcScenario.visit(p + "suspended", b, "2026-03-06", p, "CARER", 1, 60, home, item),
                LtcScenario.visit(p + "resumed", b, "2026-03-07", p, "CARER", 1, 60, home, item),
                LtcScenario.visit(p + "last", b, "2026-04-10", p, "CARER", 1, 60, home, item),
                LtcScenario.visit(p + "after", b, "2026-04-11", p, "CARER", 1, 60, home, item)));
        assertThat(JsonPath.<List<String>>read(answer, "$.results[*].outcome"))
                .containsExactly("ACCEPTED", "REJECTED", "ACCEPTED", "ACCEPTED", "REJECTED");
        assertThat(JsonPath.<List<List<String>>>read(answer, "$.results[1].reasons")).asList()
                .containsExactly("PROVIDER_NOT_DESIGNATED");
        assertThat(JsonPath.<List<List<String>>>read(answer, "$.results[4].reasons")).asList()
                .containsExactly("PROVIDER_NOT_DESIGNATED");
    }
}
