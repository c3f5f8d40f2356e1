package org.yiyang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
class LockoutIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    int login(String user, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .andReturn().getResponse().getStatus();
    }

    @Test
    void locksTheAccountAfterFiveFailuresRevokesItsTokensAndAuditsEachStep() throws Exception {
        String user = users.create(Role.STREET_WORKER, "440106000000");
        String token = Api.bearer(mvc, user, TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/regions/440106000000").header("Authorization", token)).andExpect(status().isOk());

        for (int i = 0; i < 4; i++) {
            assertThat(login(user, "wrong password number " + i)).isEqualTo(401);
        }
        assertThat(login(user, TestUsers.PASSWORD)).as("four failures do not lock").isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(login(user, "wrong password number " + i)).isEqualTo(401);
        }
        assertThat(login(user, TestUsers.PASSWORD)).as("locked: even the right password fails").isEqualTo(401);
        mvc.perform(get("/api/v1/regions/440106000000").header("Authorization", token))
                .andExpect(status().isUnauthorized());

        var id = jdbc.sql("select id::text from user_account where username = :u").param("u", user)
                .query(String.class).single();
        var events = jdbc.sql("""
                        select event_type || ':' || outcome || ':' || coalesce(reason_code, '') from audit_event
                        where object_id = :id order by id""").param("id", id).query(String.class).list();
        assertThat(events).startsWith("LOGIN:SUCCESS:", "LOGIN:FAILURE:BAD_PASSWORD");
        assertThat(events).contains("LOCKOUT:SUCCESS:TOO_MANY_FAILURES", "LOGIN:FAILURE:ACCOUNT_LOCKED");
        assertThat(events.stream().filter(e -> e.equals("LOGIN:FAILURE:BAD_PASSWORD"))).hasSize(8);
    }

    @Test
    void unlocksAfterTheLockPeriod() throws Exception {
        String user = users.create(Role.STREET_WORKER, "440106000000");
        for (int i = 0; i < 5; i++) {
            login(user, "wrong password number " + i);
        }
        assertThat(login(user, TestUsers.PASSWORD)).isEqualTo(401);
        jdbc.sql("update user_account set locked_until = now() - interval '1 second' where username = :u")
                .param("u", user).update();
        assertThat(login(user, TestUsers.PASSWORD)).isEqualTo(200);
    }
}
