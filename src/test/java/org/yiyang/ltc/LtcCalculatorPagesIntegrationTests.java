package org.yiyang.ltc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/** The calculator page: a form in yuan answered with the result table, in Chinese and English. */
@IntegrationTest
class LtcCalculatorPagesIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    MockHttpSession session;

    @BeforeEach
    void setUp() throws Exception {
        session = (MockHttpSession) mvc.perform(formLogin("/login")
                        .user(users.create(Role.PROVIDER_STAFF, "440106000000")).password(TestUsers.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);
    }

    @Test
    void showsTheFormInChineseAndEnglish() throws Exception {
        assertThat(page(get("/ltc/calculator"))).contains("id=\"ltc-calculator\"").contains("长护险待遇计算器")
                .doesNotContain("<script>").doesNotContain("style=");
        assertThat(page(get("/ltc/calculator").param("lang", "en"))).contains("LTC insurance calculator");
    }

    @Test
    void settlesTheGoldenFullMonthFromYuan() throws Exception {
        // The golden case "a full month of all categories": fund 4,199.50 元, own share 1,110.50 元
        String html = page(post("/ltc/calculator").with(csrf()).param("insuredType", "EMPLOYEE")
                .param("group", "LONG_TERM").param("ltcLevel", "3").param("careForm", "HOME")
                .param("month", "2026-01").param("dailyLifeCareCost", "31*110").param("medicalCareCost", "1500")
                .param("medicalConsumables", "200").param("deviceCost", "400"));
        assertThat(html).contains("id=\"ltc-result\"").contains("4,199.50").contains("1,110.50")
                .contains("5,310.00").contains("穗医保规字〔2024〕1号").contains("生活照料").contains("90%");
    }

    @Test
    void marksEachBadField() throws Exception {
        String html = page(post("/ltc/calculator").with(csrf()).param("insuredType", "RESIDENT")
                .param("group", "LONG_TERM").param("ltcLevel", "2").param("careForm", "INSTITUTION")
                .param("month", "2026-02").param("dailyLifeCareCost", "29*10").param("medicalCareCost", "1.234")
                .param("lang", "en"));
        assertThat(html).contains("id=\"form-errors\"").contains("id=\"dailyLifeCareCost-error\"")
                .contains("more days of service than the month has").contains("id=\"medicalCareCost-error\"")
                .doesNotContain("id=\"ltc-result\"");
    }

    @Test
    void isNotForAssessors() throws Exception {
        var assessor = (MockHttpSession) mvc.perform(formLogin("/login")
                        .user(users.create(Role.ASSESSOR, "440106000000")).password(TestUsers.PASSWORD))
                .andReturn().getRequest().getSession(false);
        mvc.perform(get("/ltc/calculator").session(assessor)).andExpect(status().isForbidden());
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
