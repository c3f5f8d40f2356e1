package org.yiyang.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.region.Regions;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

@IntegrationTest
class ConsentIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Regions regions;
    @Autowired Consents consents;

    @Test
    void recordsAConsentThatHoldsUntilItIsWithdrawn() throws Exception {
        String[] street = PersonFixtures.streetWithCommunities(regions, "440106", "同意测试");
        String officer = Api.bearer(mvc, users.create(Role.STREET_WORKER, "440106000000"), TestUsers.PASSWORD);
        String person = JsonPath.read(mvc.perform(post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON)
                        .content(PersonFixtures.json(PersonFixtures.resident(
                                PersonFixtures.idNumber("440106", LocalDate.of(1939, 9, 9), true), "陈伯", street[1])))
                        .header("Authorization", officer))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        UUID personId = UUID.fromString(person);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

        mvc.perform(post("/api/v1/persons/{id}/consents", person).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scope\":\"GOSSIP\",\"givenBy\":\"AGENT\"}").header("Authorization", officer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "scope", "proofType", "proofRef", "agentName")));
        assertThat(consents.holds(personId, Consents.Scope.DATA_SHARING, today)).isFalse();

        String consent = JsonPath.read(mvc.perform(post("/api/v1/persons/{id}/consents", person)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scope\":\"DATA_SHARING\",\"givenBy\":\"SELF\",\"proofType\":\"SIGNED_FORM\","
                                + "\"proofRef\":\"TH-2026-0001\"}")
                        .header("Authorization", officer))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.inForce").value(true))
                .andReturn().getResponse().getContentAsString(), "$.id");
        assertThat(consents.holds(personId, Consents.Scope.DATA_SHARING, today)).isTrue();
        assertThat(consents.holds(personId, Consents.Scope.PHOTO, today)).isFalse();

        mvc.perform(post("/api/v1/persons/{id}/consents/{c}/withdraw", person, consent)
                .header("Authorization", officer)).andExpect(status().isNoContent());
        assertThat(consents.holds(personId, Consents.Scope.DATA_SHARING, today)).isFalse();
        mvc.perform(get("/api/v1/persons/{id}/consents", person).header("Authorization", officer))
                .andExpect(jsonPath("$[0].inForce").value(false)).andExpect(jsonPath("$[0].withdrawnAt").isString());
        mvc.perform(post("/api/v1/persons/{id}/consents/{c}/withdraw", person, consent)
                .header("Authorization", officer)).andExpect(status().isNotFound());
    }
}
