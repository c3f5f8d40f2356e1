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
        mvc.perform(get(location + "/statement.xlsx").session(officer)).andExpect(status().isOk());
        // an export of personal data is audited, one event per download with its format
        assertThat(jdbc.sql("""
                        select string_agg(details->>'format', ',' order by occurred_at) from audit_event
                        where event_type = 'LTC_STATEMENT_EXPORTED' and object_id = :run
                        """).param("run", location.substring(location.lastIndexOf('/') + 1))
                .query(String.class).single()).isEqualTo("CSV,XLSX");

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

    @Test
    void providerSubmitsALineInThePageSeesWhyItFailsCorrectsItAndSendsItAgain() throws Exception {
        var s = new LtcScenario(mvc, users, world);
        String rec = "F-" + UUID.randomUUID().toString().substring(0, 8);
        String b = s.beneficiary("EMPLOYEE", "LONG_TERM", 3, "HOME", "2027-12-31");
        s.plan(b, "\"dailyVisits\":true,\"minutesPerVisit\":60", "SAMPLE-LC-001");
        MockHttpSession staff = Api.login(mvc, world.providerStaff(LtcWorld.TIANHE, s.facilityProvider),
                TestUsers.PASSWORD);
        assertThat(mvc.perform(get("/ltc/records").param("month", "2026-03").session(staff)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"record-form\"");
        long before = jdbc.sql("select count(*) from ltc_service_record").query(Long.class).single();

        // unreadable: no record id, a bad quantity — every field named, nothing stored
        String refused = send(staff, s, "", b, "2026-03-02", "09:00", "23.13", "SAMPLE-LC-001xtwo");
        assertThat(refused).contains("id=\"recordId-error\"").contains("id=\"items-error\"")
                .doesNotContain("id=\"record-result\"");
        assertThat(jdbc.sql("select count(*) from ltc_service_record").query(Long.class).single()).isEqualTo(before);

        // checked in about 5.5 km from the home bed: stored as rejected, with its reason
        String far = send(staff, s, rec, b, "2026-03-02", "09:00", "23.18", "SAMPLE-LC-001x2");
        assertThat(far).contains("id=\"record-result\"").contains("data-code=\"CHECKIN_TOO_FAR\"");
        String list = mvc.perform(get("/ltc/records").param("month", "2026-03").param("rejected", "true")
                .session(staff)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(rec).contains("correct=" + rec);
        // the correct action fills the form with the stored line (times in Beijing time, position left out)
        String form = mvc.perform(get("/ltc/records").param("month", "2026-03").param("correct", rec).session(staff))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("value=\"" + rec + "\"").contains("value=\"SAMPLE-LC-001x2\"")
                .contains("value=\"2026-03-02T09:00\"");
        String fixed = send(staff, s, rec, b, "2026-03-02", "09:00", "23.13", "SAMPLE-LC-001x2");
        assertThat(fixed).contains("id=\"record-result\"").doesNotContain("data-code=\"CHECKIN_TOO_FAR\"");
        assertThat(jdbc.sql("select outcome || ':' || revision from ltc_service_record where record_id = :r")
                .param("r", rec).query(String.class).single()).isEqualTo("ACCEPTED:2");
        // another provider's line cannot be opened for correction
        MockHttpSession other = Api.login(mvc, world.providerStaff(LtcWorld.TIANHE, UUID.randomUUID()),
                TestUsers.PASSWORD);
        mvc.perform(get("/ltc/records").param("correct", rec).session(other)).andExpect(status().isNotFound());
    }

    private String send(MockHttpSession session, LtcScenario s, String recordId, String beneficiary, String day,
                        String time, String latitude, String items) throws Exception {
        return mvc.perform(post("/ltc/records").with(csrf()).session(session)
                        .param("designatedProviderId", s.designated.toString()).param("recordId", recordId)
                        .param("beneficiaryId", beneficiary).param("serviceDate", day).param("caregiverId", "CG-" + recordId)
                        .param("qualification", "CARER").param("checkIn", day + "T" + time)
                        .param("checkOut", day + "T10:00").param("checkInLatitude", latitude)
                        .param("checkInLongitude", String.valueOf(LtcScenario.HOME_LON)).param("items", items))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
