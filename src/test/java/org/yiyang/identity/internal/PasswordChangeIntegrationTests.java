package org.yiyang.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/** Changing one's own password: a refusal changes nothing but is audited (the audit row survives the refusal). */
@IntegrationTest
class PasswordChangeIntegrationTests {
    static final String NEW_PASSWORD = "a fresh street office passphrase";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    @Test
    void aWrongCurrentPasswordIsRefusedAndAuditedAndTheRightOneChangesIt() throws Exception {
        String username = users.create(Role.STREET_WORKER, "440106000000");
        var session = Api.login(mvc, username, TestUsers.PASSWORD);
        String hashBefore = hash(username);

        mvc.perform(post("/account/password").session(session).with(csrf()).param("current", "not my password")
                .param("password", NEW_PASSWORD)).andExpect(status().isOk());
        assertThat(hash(username)).isEqualTo(hashBefore);
        assertThat(outcomes(username)).containsExactly("FAILURE BAD_PASSWORD");

        mvc.perform(post("/account/password").session(session).with(csrf()).param("current", TestUsers.PASSWORD)
                .param("password", NEW_PASSWORD)).andExpect(status().is3xxRedirection());
        assertThat(hash(username)).isNotEqualTo(hashBefore);
        assertThat(outcomes(username)).containsExactly("FAILURE BAD_PASSWORD", "SUCCESS -");
        Api.login(mvc, username, NEW_PASSWORD);
    }

    private String hash(String username) {
        return jdbc.sql("select password_hash from user_account where username = :u").param("u", username)
                .query(String.class).single();
    }

    private List<String> outcomes(String username) {
        return jdbc.sql("""
                        select outcome || ' ' || coalesce(reason_code, '-') from audit_event
                        where event_type = 'PASSWORD_CHANGE' and actor_username = :u order by occurred_at, id
                        """).param("u", username).query(String.class).list();
    }
}
