package org.yiyang.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.QualifiedAssessors;
import org.yiyang.testsupport.TestUsers;

/** The register of agencies and assessors as pages: register, list with qualifications, refusals in words. */
@IntegrationTest
class AgencyPagesIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired QualifiedAssessors qualified;

    @Test
    void anOfficerRegistersAnAgencyAndAnAssessorWhoseQualificationHasEnded() throws Exception {
        MockHttpSession officer = Api.login(mvc, users.create(Role.DISTRICT_OFFICER, "440106000000"),
                TestUsers.PASSWORD);
        String code = QualifiedAssessors.creditCode();
        String name = "页面评估机构" + code.substring(10);
        mvc.perform(post("/assessment-agencies").with(csrf()).session(officer).param("name", name)
                .param("creditCode", code).param("regionCode", "440106000000"))
                .andExpect(redirectedUrl("/assessment-agencies"));
        UUID agency = jdbc.sql("select id from assessment_agency where credit_code = :c").param("c", code)
                .query(UUID.class).single();
        UUID user = qualified.userId(users.create(Role.ASSESSOR, "440106000000"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        mvc.perform(post("/assessment-agencies/" + agency + "/assessors").with(csrf()).session(officer)
                        .param("userId", user.toString()).param("certificateNo", "PG-PAGE-1")
                        .param("qualifiedFrom", today.minusYears(2).toString())
                        .param("qualifiedTo", today.minusDays(1).toString()))
                .andExpect(redirectedUrl("/assessment-agencies"));
        String page = page(get("/assessment-agencies"), officer);
        assertThat(page).contains(name).contains("PG-PAGE-1").contains("id=\"assessor-" + user + "\"")
                .contains("今天不在有效期内");                                           // ended yesterday
        String again = page(post("/assessment-agencies").with(csrf()).param("name", "重复机构")
                .param("creditCode", code).param("regionCode", "440106000000"), officer);
        assertThat(again).contains("id=\"agency-errors\"").contains("该统一社会信用代码的评估机构已登记");
        String bad = page(post("/assessment-agencies/" + agency + "/assessors").with(csrf())
                .param("userId", "nobody").param("qualifiedFrom", "someday"), officer);
        assertThat(bad).contains("id=\"agency-errors\"").contains("userId").contains("qualifiedFrom");

        // another district's officer neither sees the agency nor may add to it
        MockHttpSession haizhu = Api.login(mvc, users.create(Role.DISTRICT_OFFICER, "440105000000"),
                TestUsers.PASSWORD);
        assertThat(page(get("/assessment-agencies"), haizhu)).doesNotContain(name);
        mvc.perform(post("/assessment-agencies/" + agency + "/assessors").with(csrf()).session(haizhu)
                        .param("userId", user.toString()).param("certificateNo", "PG-X")
                        .param("qualifiedFrom", today.toString()).param("qualifiedTo", today.toString()))
                .andExpect(status().isNotFound());
    }

    private String page(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        return mvc.perform(request.session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
