package org.yiyang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

@IntegrationTest
class AuthenticationIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    @Test
    void issuesATokenThatExpiresInAboutAnHourAndOpensTheApi() throws Exception {
        String user = users.create(Role.DISTRICT_OFFICER, "440106000000");
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + user + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token").isString())
                .andReturn().getResponse().getContentAsString();
        Instant expires = Instant.parse(com.jayway.jsonpath.JsonPath.read(body, "$.expiresAt"));
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofMinutes(55), Duration.ofMinutes(61));

        mvc.perform(get("/api/v1/regions/440106000000").header("Authorization", Api.bearer(mvc, user, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("天河区"));
    }

    @Test
    void answersUnknownUserAndWrongPasswordWithTheSame401() throws Exception {
        String user = users.create(Role.STREET_WORKER, "440106000000");
        String wrongPassword = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + user + "\",\"password\":\"not the password at all\"}"))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        String unknownUser = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"nobody-here\",\"password\":\"not the password at all\"}"))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        assertThat(wrongPassword).isEqualTo(unknownUser);
    }

    @Test
    void deniesAnonymousAccessToTheApiAndToPages() throws Exception {
        mvc.perform(get("/api/v1/regions/440100000000")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/regions/440100000000").header("Authorization", "Bearer forged-token"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/regions")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
    }

    @Test
    void leavesLoginHealthAndApiDocsOpen() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/auth/token']").exists());
    }
}
