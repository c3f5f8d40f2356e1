package org.yiyang.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyang.region.Regions;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/** Unmasking and break-the-glass: a typed reason, the right role, the audit trail, and supervisors told. */
@IntegrationTest
class DisclosureIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Regions regions;
    @Autowired JdbcClient jdbc;

    String idNumber;
    String personId;
    String haizhuOfficer;

    @BeforeEach
    void aResidentOfHaizhu() throws Exception {
        String[] street = PersonFixtures.streetWithCommunities(regions, "440105", "披露测试");
        haizhuOfficer = Api.bearer(mvc, users.create(Role.DISTRICT_OFFICER, "440105000000"), TestUsers.PASSWORD);
        idNumber = PersonFixtures.idNumber("440105", LocalDate.of(1944, 2, 2), false);
        String body = mvc.perform(post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON)
                        .content(PersonFixtures.json(PersonFixtures.resident(idNumber, "李桂芳", street[1])))
                        .header("Authorization", haizhuOfficer))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        personId = JsonPath.read(body, "$.id");
    }

    ResultActions call(String path, String bearer, String reason) throws Exception {
        return mvc.perform(post(path, personId).contentType(MediaType.APPLICATION_JSON)
                .content(reason == null ? "{}" : "{\"reason\":\"" + reason + "\"}").header("Authorization", bearer));
    }

    long audited(String type) {
        return jdbc.sql("select count(*) from audit_event where event_type = :t and object_id = :p")
                .param("t", type).param("p", personId).query(Long.class).single();
    }

    @Test
    void unmasksForAPermittedRoleWithAReasonWithinTheJurisdictionOnly() throws Exception {
        call("/api/v1/persons/{id}/unmask", haizhuOfficer, null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        call("/api/v1/persons/{id}/unmask", haizhuOfficer, "核对低保申请材料")
                .andExpect(status().isOk()).andExpect(jsonPath("$.idNumber").value(idNumber));
        assertThat(audited("PERSON_UNMASK")).isEqualTo(1);
        assertThat(jdbc.sql("select reason from audit_event where event_type = 'PERSON_UNMASK' and object_id = :p")
                .param("p", personId).query(String.class).single()).isEqualTo("核对低保申请材料");

        String assessor = Api.bearer(mvc, users.create(Role.ASSESSOR, "440100000000"), TestUsers.PASSWORD);
        call("/api/v1/persons/{id}/unmask", assessor, "curious").andExpect(status().isForbidden());
        String tianhe = Api.bearer(mvc, users.create(Role.DISTRICT_OFFICER, "440106000000"), TestUsers.PASSWORD);
        call("/api/v1/persons/{id}/unmask", tianhe, "not my district").andExpect(status().isNotFound());
        assertThat(audited("PERSON_UNMASK")).isEqualTo(1);
    }

    @Test
    void breaksTheGlassForAnOperatorForThreeHoursAndTellsTheSupervisors() throws Exception {
        String operatorName = users.create(Role.MONITOR_OPERATOR, "440106000000");
        String operator = Api.bearer(mvc, operatorName, TestUsers.PASSWORD);
        String supervisor = users.create(Role.DISTRICT_OFFICER, "440106000000");
        String elsewhere = users.create(Role.DISTRICT_OFFICER, "440111000000");

        mvc.perform(get("/api/v1/persons/{id}/emergency-view", personId).header("Authorization", operator))
                .andExpect(status().isNotFound());
        call("/api/v1/persons/{id}/break-glass", operator, "").andExpect(status().isUnprocessableContent());
        String body = call("/api/v1/persons/{id}/break-glass", operator, "平安通报警：长者跌倒无应答，需上门地址")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.person.idNumber").value(idNumber))
                .andExpect(jsonPath("$.person.address").isString())
                .andReturn().getResponse().getContentAsString();
        Instant until = Instant.parse(JsonPath.read(body, "$.grantedUntil"));
        assertThat(Duration.between(Instant.now(), until)).isBetween(Duration.ofMinutes(175), Duration.ofMinutes(181));
        mvc.perform(get("/api/v1/persons/{id}/emergency-view", personId).header("Authorization", operator))
                .andExpect(status().isOk());
        assertThat(audited("BREAK_THE_GLASS")).isEqualTo(1);
        assertThat(audited("BREAK_THE_GLASS_VIEW")).isEqualTo(1);

        assertThat(notices(supervisor)).isEqualTo(1);
        assertThat(notices(elsewhere)).isZero();
        assertThat(notices(operatorName)).isZero();

        jdbc.sql("update break_glass_grant set expires_at = now() - interval '1 second' where person_id = :p")
                .param("p", UUID.fromString(personId)).update();
        mvc.perform(get("/api/v1/persons/{id}/emergency-view", personId).header("Authorization", operator))
                .andExpect(status().isNotFound());

        String officer = Api.bearer(mvc, users.create(Role.DISTRICT_OFFICER, "440106000000"), TestUsers.PASSWORD);
        call("/api/v1/persons/{id}/break-glass", officer, "not an operator").andExpect(status().isForbidden());
    }

    long notices(String username) throws Exception {
        String bearer = Api.bearer(mvc, username, TestUsers.PASSWORD);
        String body = mvc.perform(get("/api/v1/notifications").header("Authorization", bearer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((java.util.List<?>) JsonPath.read(body, "$[?(@.kind == 'BREAK_THE_GLASS' && @.objectId == '"
                + personId + "')]")).size();
    }
}
