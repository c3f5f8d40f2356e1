package org.yiyang.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.region.Regions;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/** Markup typed into free-text fields is shown as text on every page, never run. */
@IntegrationTest
class OutputEscapingIntegrationTests {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMAGE = "\"><img src=x onerror=alert(2)>";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Regions regions;

    @Test
    void rendersInjectedMarkupInertOnTheProfileAndInSearchResults() throws Exception {
        String[] street = PersonFixtures.streetWithCommunities(regions, "440106", "转义测试");
        String user = users.create(Role.DISTRICT_OFFICER, "440106000000");
        String bearer = Api.bearer(mvc, user, TestUsers.PASSWORD);
        Map<String, Object> resident = new java.util.HashMap<>(PersonFixtures.resident(
                PersonFixtures.idNumber("440106", LocalDate.of(1948, 6, 1), true), SCRIPT, street[1]));
        resident.put("address", IMAGE + "广州市天河区");
        resident.put("emergencyContacts", List.of(Map.of("name", SCRIPT, "relation", IMAGE.substring(0, 10),
                "phone", PersonFixtures.phone())));
        String body = mvc.perform(post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON)
                        .content(PersonFixtures.json(resident)).header("Authorization", bearer))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");

        var session = Api.login(mvc, user, TestUsers.PASSWORD);
        String profile = mvc.perform(get("/persons/{id}", id).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String results = mvc.perform(post("/persons").session(session).with(csrf()).param("q", SCRIPT))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        for (String page : List.of(profile, results)) {
            assertThat(page).doesNotContain(SCRIPT).doesNotContain("<img src=x").doesNotContain("onerror=alert(2)>");
        }
        assertThat(profile).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
}
