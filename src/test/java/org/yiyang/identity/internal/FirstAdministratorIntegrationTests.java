package org.yiyang.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Outside demo mode there are no default accounts: a one-time setup token creates the first system administrator,
 * who must enrol a second factor and change the password at first login. Runs on its own empty database.
 */
@SpringBootTest(properties = {"yiyang.demo.enabled=false", "yiyang.db.embedded-database=first_admin_test"})
@AutoConfigureMockMvc
class FirstAdministratorIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired FirstAdministrator firstAdministrator;
    @Autowired JdbcClient jdbc;

    @Test
    void createsTheFirstAdministratorOnceWithTheTokenAndForcesAPasswordChange() throws Exception {
        assertThat(jdbc.sql("select count(*) from user_account").query(Long.class).single()).isZero();
        String token = firstAdministrator.issue();
        String password = "first admin of the city 2026";

        mvc.perform(post("/setup").with(csrf()).param("token", "not-the-token").param("username", "root.admin")
                .param("password", password)).andExpect(status().isOk());
        mvc.perform(post("/setup").with(csrf()).param("token", token).param("username", "root.admin")
                .param("password", "short")).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from user_account").query(Long.class).single()).isZero();
        // the wrong token's refusal is audited (and survives the refusal); the refused password left the token unused
        assertThat(jdbc.sql("select count(*) from audit_event where event_type = 'SETUP_ADMINISTRATOR'"
                + " and outcome = 'FAILURE' and reason_code = 'BAD_SETUP_TOKEN'").query(Long.class).single())
                .isEqualTo(1);

        mvc.perform(post("/setup").with(csrf()).param("token", token).param("username", "root.admin")
                .param("password", password)).andExpect(redirectedUrl("/login?setup"));
        mvc.perform(post("/setup").with(csrf()).param("token", token).param("username", "second.admin")
                .param("password", password)).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from user_account").query(Long.class).single()).isEqualTo(1);

        var session = (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", "root.admin")
                .param("password", password)).andExpect(redirectedUrl("/mfa")).andReturn().getRequest().getSession();
        String page = mvc.perform(get("/mfa").session(session)).andReturn().getResponse().getContentAsString();
        var secret = Pattern.compile("id=\"mfa-secret\">([A-Z2-7]+)<").matcher(page);
        assertThat(secret.find()).isTrue();
        String code = new DefaultCodeGenerator().generate(secret.group(1), System.currentTimeMillis() / 30_000);
        mvc.perform(post("/mfa/enrol").session(session).with(csrf()).param("code", code))
                .andExpect(redirectedUrl("/"));

        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password").session(session).with(csrf()).param("current", password)
                .param("password", password)).andExpect(status().isOk());
        mvc.perform(post("/account/password").session(session).with(csrf()).param("current", password)
                .param("password", "a new passphrase for the bureau")).andExpect(redirectedUrl("/?passwordChanged"));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
    }
}
