package org.yiyang.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/** The street worker's pages: intake with live eligibility and checklist, worklist with due dates, decision page. */
@IntegrationTest
class ApplicationPagesIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    MockHttpSession worker;
    MockHttpSession district;
    UUID personId;

    @BeforeEach
    void setUp() throws Exception {
        worker = Api.login(mvc, users.create(Role.STREET_WORKER, "440106000000"), TestUsers.PASSWORD);
        district = Api.login(mvc, users.create(Role.DISTRICT_OFFICER, "440106000000"), TestUsers.PASSWORD);
        // a living demo resident of 天河 with Guangzhou hukou
        personId = jdbc.sql("select person_id from person_fact where residence_path <@ '440100000000.440106000000'"
                        + " and death_date is null and living_at_home and hukou_region like '4401%'"
                        + " and not exists (select 1 from application a where a.person_id = person_fact.person_id)"
                        + " order by person_id limit 1")
                .query(UUID.class).single();
    }

    @Test
    void takesAnApplicationAndCarriesItToADecisionWithTheNotice() throws Exception {
        assertThat(page(get("/applications/new"), worker)).contains("id=\"intake-search\"");
        String chosen = page(post("/applications/new/person").with(csrf()).param("personId", personId.toString()),
                worker);
        assertThat(chosen).contains("id=\"intake-items\"").contains("id=\"pick-MEAL_DINER_SUBSIDY\"")
                .contains("class=\"eligibility\"");
        assertThat(page(post("/applications/new/checklist").with(csrf()).param("items", "FAMILY_CARE_BED"), worker))
                .contains("id=\"material-HOUSING_PROOF\"");
        assertThat(page(post("/applications").with(csrf()).param("personId", personId.toString())
                .param("channel", "STREET_OFFICE"), worker)).contains("field-error");

        String location = mvc.perform(post("/applications").with(csrf()).session(worker)
                        .param("personId", personId.toString()).param("channel", "STREET_OFFICE")
                        .param("items", "REGULAR_VISITS"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(page(get("/applications"), worker)).contains("id=\"worklist\"");
        assertThat(page(get(location), worker)).contains("id=\"first-check\"").contains("id=\"steps\"");
        mvc.perform(post(location + "/first-check").with(csrf()).session(worker).param("passed", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(location + "/verification").with(csrf()).session(district).param("outcome", "CONFIRMED"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get(location), district)).contains("id=\"decision-form\"");
        mvc.perform(post(location + "/decision").with(csrf()).session(district)
                        .param("decision.REGULAR_VISITS", "REJECTED").param("reason.REGULAR_VISITS", "不符合巡访条件"))
                .andExpect(status().is3xxRedirection());
        String decided = page(get(location).param("lang", "en"), district);
        assertThat(decided).contains("id=\"notice\"").contains("administrative review").contains("不符合巡访条件");
    }

    @Test
    void uploadsAMaterialFromTheApplicationPage() throws Exception {
        String location = mvc.perform(post("/applications").with(csrf()).session(worker)
                        .param("personId", personId.toString()).param("channel", "STREET_OFFICE")
                        .param("items", "MEAL_DINER_SUBSIDY"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(page(get(location), worker)).contains("id=\"upload-ID_CARD\"");
        // a "PDF" that is not one: refused with the reason, nothing stored
        String refused = mvc.perform(multipart(location + "/attachments").file(new MockMultipartFile("file", "id.pdf",
                        "application/pdf", "not a pdf".getBytes(StandardCharsets.UTF_8))).param("material", "ID_CARD")
                        .with(csrf()).session(worker))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("field-error");
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        mvc.perform(multipart(location + "/attachments").file(new MockMultipartFile("file", "id.pdf",
                        "application/pdf", pdf)).param("material", "ID_CARD").with(csrf()).session(worker))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get(location), worker)).doesNotContain("id=\"upload-ID_CARD\"")
                .contains("id=\"upload-APPLICATION_FORM\"");
        assertThat(jdbc.sql("select count(*) from application_attachment where application_id = cast(:id as uuid)")
                .param("id", location.substring(location.lastIndexOf('/') + 1)).query(Long.class).single())
                .isEqualTo(1);
    }

    private String page(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        return mvc.perform(request.session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
