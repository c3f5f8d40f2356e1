package org.yiyang.ltc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/**
 * PROVIDER_STAFF over resident records (issue 3): provider staff read the record of a person while their provider
 * serves them (here: an LTC beneficiary of its designated provider), through the published {@code provider_scope} in
 * SQL, and nobody else's, even in the street they work in; when the relation ends the record is gone (404).
 */
@IntegrationTest
class ProviderStaffResidentScopeIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired LtcWorld world;
    @Autowired org.yiyang.person.ProviderClients clients;

    String officer;
    UUID facilityProvider;
    String staffUser;
    String staff;
    LtcWorld.Resident client;
    LtcWorld.Resident neighbour;
    String beneficiary;

    @BeforeEach
    void setUp() throws Exception {
        officer = Api.bearer(mvc, users.create(Role.LTC_OFFICER, LtcWorld.TIANHE), TestUsers.PASSWORD);
        facilityProvider = UUID.randomUUID();
        UUID designated = world.designatedProvider(LtcWorld.TIANHE, facilityProvider);
        client = world.resident(LtcWorld.TIANHE);
        neighbour = world.resident(LtcWorld.TIANHE);
        String created = mvc.perform(post("/api/v1/ltc/beneficiaries").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"personId":"%s","group":"LONG_TERM","ltcLevel":2,"careForm":"HOME",
                                 "designatedProviderId":"%s","validFrom":"2026-01-01","validTo":"2027-12-31",
                                 "disabledSince":"2025-01-01"}
                                """.formatted(client.id(), designated)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        beneficiary = JsonPath.read(created, "$.id");
        // the staff member's region is the whole district: the region must not widen what they see
        staffUser = world.providerStaff(LtcWorld.TIANHE, facilityProvider);
        staff = Api.bearer(mvc, staffUser, TestUsers.PASSWORD);
    }

    @Test
    void providerStaffReadTheirClientsOnlyAndLoseThemWhenTheRelationEnds() throws Exception {
        mvc.perform(get("/api/v1/persons/" + client.id()).header("Authorization", staff))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.idNumberMasked").value(org.hamcrest.Matchers.not(client.idNumber())));
        mvc.perform(get("/api/v1/persons/" + neighbour.id()).header("Authorization", staff))
                .andExpect(status().isNotFound());
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(clients.serves(facilityProvider, client.id(), today)).isTrue();
        assertThat(clients.serves(facilityProvider, neighbour.id(), today)).isFalse();
        String otherStaff = Api.bearer(mvc, world.providerStaff(LtcWorld.TIANHE, UUID.randomUUID()),
                TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/persons/" + client.id()).header("Authorization", otherStaff))
                .andExpect(status().isNotFound());

        // a list holds exactly the provider's clients, and its count is its length
        String page = mvc.perform(get("/api/v1/persons").param("size", "100").header("Authorization", staff))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> ids = JsonPath.read(page, "$.items[*].id");
        assertThat(ids).containsExactly(client.id().toString());
        assertThat(((Number) JsonPath.read(page, "$.total")).longValue()).isEqualTo(ids.size());
        String byIdNumber = mvc.perform(post("/api/v1/persons/search").header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\":\"" + neighbour.idNumber() + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<?>) JsonPath.read(byIdNumber, "$.items")).isEmpty();

        // reading is all: registering residents stays with the case workers
        mvc.perform(post("/api/v1/persons").header("Authorization", staff).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());

        mvc.perform(post("/api/v1/ltc/beneficiaries/" + beneficiary + "/end").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"IMPROVEMENT\",\"endedOn\":\"2026-03-05\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/persons/" + client.id()).header("Authorization", staff))
                .andExpect(status().isNotFound());
        assertThat(clients.serves(facilityProvider, client.id(), today)).isFalse();
        assertThat(clients.serves(facilityProvider, client.id(), java.time.LocalDate.of(2026, 3, 5))).isTrue();
    }

    @Test
    void theProfilePageShowsAClientWithoutTheCaseWorkLinks() throws Exception {
        MockHttpSession session = Api.login(mvc, staffUser, TestUsers.PASSWORD);
        String html = mvc.perform(get("/persons/" + client.id()).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("person-name").doesNotContain("person-eligibility")
                .doesNotContain(client.idNumber());
        mvc.perform(get("/persons/" + neighbour.id()).session(session)).andExpect(status().isNotFound());
        mvc.perform(get("/persons/" + client.id() + "/eligibility").session(session))
                .andExpect(status().isForbidden());
    }
}
