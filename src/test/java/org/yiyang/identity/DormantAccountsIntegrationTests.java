package org.yiyang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

@IntegrationTest
class DormantAccountsIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    @Test
    void disablesAccountsUnusedFor90DaysAndRevokesTheirTokens() throws Exception {
        String dormant = users.create(Role.STREET_WORKER, "440106000000");
        String active = users.create(Role.STREET_WORKER, "440106000000");
        String token = Api.bearer(mvc, dormant, TestUsers.PASSWORD);
        Api.bearer(mvc, active, TestUsers.PASSWORD);
        jdbc.sql("update user_account set last_login_at = now() - interval '91 days' where username = :u")
                .param("u", dormant).update();

        var job = context.getBean("dormantAccounts");
        int disabled = (int) job.getClass().getMethod("disableDormant").invoke(job);

        assertThat(disabled).isGreaterThanOrEqualTo(1);
        assertThat(enabled(dormant)).isFalse();
        assertThat(enabled(active)).isTrue();
        mvc.perform(get("/api/v1/regions/440100000000").header("Authorization", token))
                .andExpect(status().isUnauthorized());
    }

    private boolean enabled(String user) {
        return jdbc.sql("select enabled from user_account where username = :u").param("u", user)
                .query(Boolean.class).single();
    }
}
