package org.yiyang.assessment.internal;

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
import org.yiyang.facility.UnifiedSocialCreditCode;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/**
 * The demo city can carry an assessment end to end: a city-wide demo agency with the two demo assessors, qualified
 * today, to whom a district officer assigns a demo resident's assessment; writing the demo data again changes nothing.
 */
@IntegrationTest
class AssessmentDemoDataIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestUsers users;
    @Autowired AssessmentDemoData demo;

    @Test
    void aDemoAssessmentCanBeAssignedToTheDemoAgencyAndItsTwoAssessors() throws Exception {
        String creditCode = AssessmentDemoData.CREDIT_CODE_FIRST17
                + UnifiedSocialCreditCode.checkCharacter(AssessmentDemoData.CREDIT_CODE_FIRST17);
        UUID agency = jdbc.sql("select id from assessment_agency where credit_code = :c").param("c", creditCode)
                .query(UUID.class).single();
        List<UUID> assessors = jdbc.sql("""
                        select a.user_id from assessment_assessor a join user_account u on u.id = a.user_id
                        where a.agency_id = :agency and u.username in ('assessor', 'assessor2')
                          and a.qualified_from <= current_date and a.qualified_to >= current_date
                        order by u.username
                        """).param("agency", agency).query(UUID.class).list();
        assertThat(assessors).hasSize(2);

        UUID person = jdbc.sql("""
                        select id from person where demo and death_date is null
                          and residence_path <@ '440100000000.440106000000'::ltree
                          and id not in (select person_id from assessment)
                        order by id limit 1
                        """).query(UUID.class).single();
        String officer = Api.bearer(mvc, users.create(Role.DISTRICT_OFFICER, "440106000000"), TestUsers.PASSWORD);
        String created = mvc.perform(post("/api/v1/assessments").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":\"" + person + "\",\"reason\":\"FIRST\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        mvc.perform(post("/api/v1/assessments/" + id + "/assignment").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agencyId\":\"" + agency + "\",\"assessors\":[\"" + assessors.get(0) + "\",\""
                                + assessors.get(1) + "\"],\"servingProviders\":[]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ASSIGNED"));

        long agencies = jdbc.sql("select count(*) from assessment_agency").query(Long.class).single();
        demo.run(null);
        assertThat(jdbc.sql("select count(*) from assessment_agency").query(Long.class).single()).isEqualTo(agencies);
    }
}
