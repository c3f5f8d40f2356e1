package org.yiyang.identity;

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
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/** Administrators need a TOTP second factor: enrolment by QR code in the browser, a code with every API login. */
@IntegrationTest
class SecondFactorIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    static String code(String secret) throws Exception {
        return new DefaultCodeGenerator().generate(secret, System.currentTimeMillis() / 1000 / 30);
    }

    int token(String user, String totp) throws Exception {
        String body = "{\"username\":\"" + user + "\",\"password\":\"" + TestUsers.PASSWORD + "\""
                + (totp == null ? "" : ",\"totp\":\"" + totp + "\"") + "}";
        return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse().getStatus();
    }

    @Test
    void holdsAnAdministratorAtTheSecondStepUntilEnrolledThenRequiresCodes() throws Exception {
        String admin = users.create(Role.SECURITY_ADMIN, "440100000000");
        assertThat(token(admin, null)).as("no API token before enrolment").isEqualTo(401);

        var login = mvc.perform(post("/login").with(csrf()).param("username", admin)
                        .param("password", TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/mfa")).andReturn();
        var session = (MockHttpSession) login.getRequest().getSession();

        mvc.perform(get("/regions").session(session)).andExpect(redirectedUrl("/mfa"));
        String page = mvc.perform(get("/mfa").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var m = Pattern.compile("id=\"mfa-secret\">([A-Z2-7]+)<").matcher(page);
        assertThat(m.find()).as("the enrolment page shows the key").isTrue();
        String secret = m.group(1);
        assertThat(page).contains("data:image/png;base64,");

        mvc.perform(post("/mfa/enrol").session(session).with(csrf()).param("code", "000000"))
                .andExpect(redirectedUrl("/mfa?error"));
        mvc.perform(post("/mfa/enrol").session(session).with(csrf()).param("code", code(secret)))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/regions").session(session)).andExpect(status().isOk());

        assertThat(token(admin, null)).isEqualTo(401);
        assertThat(token(admin, "123456".equals(code(secret)) ? "654321" : "123456")).isEqualTo(401);
        assertThat(token(admin, code(secret))).isEqualTo(200);
    }

    @Test
    void letsOtherUsersLogInWithAPasswordAlone() throws Exception {
        String worker = users.create(Role.STREET_WORKER, "440106000000");
        assertThat(token(worker, null)).isEqualTo(200);
        mvc.perform(post("/login").with(csrf()).param("username", worker).param("password", TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/"));
    }
}
