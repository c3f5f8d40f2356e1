package org.yiyang.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

@IntegrationTest
class UserAdministrationIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired TestSecondFactor testSecondFactor;

    String securityAdminToken() throws Exception {
        String admin = users.create(Role.SECURITY_ADMIN, "440100000000");
        String secret = testSecondFactor.enrol(admin);
        return Api.bearer(mvc, admin, TestUsers.PASSWORD, TestSecondFactor.code(secret));
    }

    UUID idOf(String username) {
        return jdbc.sql("select id from user_account where username = :u").param("u", username)
                .query(UUID.class).single();
    }

    @Test
    void disablingAUserRevokesTheirTokensAndRefusesTheirLogin() throws Exception {
        String admin = securityAdminToken();
        String worker = users.create(Role.STREET_WORKER, "440106000000");
        String workerToken = Api.bearer(mvc, worker, TestUsers.PASSWORD);

        mvc.perform(post("/api/v1/users/{id}/disable", idOf(worker)).header("Authorization", admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tokens").value(1));
        mvc.perform(get("/api/v1/regions/440100000000").header("Authorization", workerToken))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + worker + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}"))
                .andExpect(status().isUnauthorized());

        mvc.perform(post("/api/v1/users/{id}/enable", idOf(worker)).header("Authorization", admin))
                .andExpect(status().isOk());
        assertThat(Api.bearer(mvc, worker, TestUsers.PASSWORD)).startsWith("Bearer ");
    }

    @Test
    void createsUsersAndChangesTheirRolesAuditingBeforeAndAfter() throws Exception {
        String admin = securityAdminToken();
        String name = "new.worker." + UUID.randomUUID().toString().substring(0, 6);
        String body = "{\"username\":\"" + name + "\",\"password\":\"a first password for the street\","
                + "\"roles\":[\"STREET_WORKER\"],\"jurisdiction\":\"440106001000\"}";
        String created = mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Authorization", admin))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = com.jayway.jsonpath.JsonPath.read(created, "$.id");
        mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Authorization", admin)).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"x." + name + "\",\"password\":\"another good passphrase\","
                                + "\"roles\":[\"AUDIT_ADMIN\",\"CITY_OFFICER\"],\"jurisdiction\":\"440100000000\"}")
                        .header("Authorization", admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("ADMIN_ROLES_EXCLUSIVE"));

        String workerToken = Api.bearer(mvc, name, "a first password for the street");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/users/{id}/roles", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"DISTRICT_OFFICER\"],\"jurisdiction\":\"440106000000\"}")
                        .header("Authorization", admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles").value("DISTRICT_OFFICER"));
        mvc.perform(get("/api/v1/regions/440100000000").header("Authorization", workerToken))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select details->>'before' || '>' || (details->>'after') from audit_event "
                + "where event_type = 'ROLES_CHANGED' and object_id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("STREET_WORKER>DISTRICT_OFFICER");
        assertThat(jdbc.sql("select must_change_password from user_account where id = cast(:id as uuid)")
                .param("id", id).query(Boolean.class).single()).isTrue();
    }

    @Test
    void endsAllSessionsOfAUserAndRefusesOtherRoles() throws Exception {
        String admin = securityAdminToken();
        String worker = users.create(Role.STREET_WORKER, "440106000000");
        String workerToken = Api.bearer(mvc, worker, TestUsers.PASSWORD);
        mvc.perform(delete("/api/v1/users/{id}/sessions", idOf(worker)).header("Authorization", admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tokens").value(1));
        mvc.perform(get("/api/v1/regions/440100000000").header("Authorization", workerToken))
                .andExpect(status().isUnauthorized());

        String officer = Api.bearer(mvc, users.create(Role.CITY_OFFICER, "440100000000"), TestUsers.PASSWORD);
        mvc.perform(delete("/api/v1/users/{id}/sessions", idOf(worker)).header("Authorization", officer))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users/{id}/disable", UUID.randomUUID()).header("Authorization", admin))
                .andExpect(status().isNotFound());
        long audited = jdbc.sql("select count(*) from audit_event where event_type = 'AUTHORIZATION_DENIED' "
                + "and object_id = :endpoint").param("endpoint", "DELETE /api/v1/users/" + idOf(worker) + "/sessions")
                .query(Long.class).single();
        assertThat(audited).isPositive();
    }
}
