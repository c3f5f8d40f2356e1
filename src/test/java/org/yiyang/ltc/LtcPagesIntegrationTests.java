package org.yiyang.ltc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/** The provider's records page with rejected lines, and the officer's settlement page from preview to lock. */
@IntegrationTest
class LtcPagesIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired LtcWorld world;
    @Autowired JdbcClient jdbc;

    @Test
    void providerSeesRejectedLinesAndOfficerPreviewsApprovesLocksAndDownloads() throws Exception {
        var s = new LtcScenario(mvc, users, world);
        String prefix = "P-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String b = s.beneficiary("EMPLOYEE", "LONG_TERM", 3, "HOME", "2027-12-31");
        s.plan(b, "\"dailyVisits\":true,\"minutesPerVisit\":60", "SAMPLE-LC-001");
        s.submit(List.of(
                LtcScenario.visit(prefix + "ok", b, "2026-07-01", prefix, "CARER", 1, 60, LtcScenario.HOME_LAT,
                        LtcScenario.item("SAMPLE-LC-001", 2)),
                LtcScenario.visit(prefix + "far", b, "2026-07-02", prefix, "CARER", 1, 60, LtcScenario.HOME_LAT + 0.05,
                        LtcScenario.item("SAMPLE-LC-001", 2))));

        String staffUser = world.providerStaff(LtcWorld.TIANHE, s.facilityProvider);
        MockHttpSession staff = Api.login(mvc, staffUser, TestUsers.PASSWORD);
        String page = mvc.perform(get("/ltc/records").param("month", "2026-07").param("rejected", "true")
                        .session(staff)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(prefix + "far").contains("data-code=\"CHECKIN_TOO_FAR\"")
                .contains("签到位置距家庭过远").doesNotContain(prefix + "ok");
        mvc.perform(get("/ltc/settlements").session(staff)).andExpect(status().isForbidden());

        String officerUser = users.create(Role.LTC_OFFICER, LtcWorld.TIANHE);
        MockHttpSession officer = Api.login(mvc, officerUser, TestUsers.PASSWORD);
        mvc.perform(get("/ltc/settlements").session(officer)).andExpect(status().isOk());
        String location = mvc.perform(post("/ltc/settlements").with(csrf()).session(officer)
                        .param("regionCode", s.street).param("month", "2026-07"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String run = mvc.perform(get(location).session(officer)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // one accepted day: 2 × 30 元 = 60 元 ≤ 105 元, × 90% = 54 元 from the fund
        assertThat(run).contains("SAMPLE CATALOGUE — not for payment").contains("id=\"run-fund\">54.00<")
                .contains("id=\"approve\"");
        mvc.perform(post(location + "/approval").with(csrf()).session(officer)).andExpect(status().is3xxRedirection());
        mvc.perform(post(location + "/lock").with(csrf()).session(officer)).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get(location).session(officer)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("已锁定");
        String csv = mvc.perform(get(location + "/statement.csv").session(officer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFSAMPLE CATALOGUE — not for payment").contains(b + ",LIFE_CARE,6000,6000");

        // the beneficiary's month: use of the limit per category as a bar, the shares, the rejected line's reason
        String month = mvc.perform(get("/ltc/beneficiaries/{id}", b).param("month", "2026-07").session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(month).contains("id=\"cap-use\"", "<meter", "id=\"total-fund\">54.00<",
                "id=\"total-own\">6.00<", prefix + "far", "签到位置距家庭过远", "SAMPLE CATALOGUE — not for payment");
        String haizhuOfficer = users.create(Role.LTC_OFFICER, LtcWorld.HAIZHU);
        mvc.perform(get("/ltc/beneficiaries/{id}", b).param("month", "2026-07")
                        .session(Api.login(mvc, haizhuOfficer, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound());

        String bad = mvc.perform(post("/ltc/settlements").with(csrf()).session(officer)
                        .param("regionCode", LtcWorld.HAIZHU).param("month", "2026-13"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("id=\"regionCode-error\"").contains("id=\"month-error\"");
    }
}
