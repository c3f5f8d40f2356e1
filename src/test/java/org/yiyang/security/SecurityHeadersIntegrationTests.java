package org.yiyang.security;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

@IntegrationTest
class SecurityHeadersIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired ServerProperties server;
    @Autowired TestUsers users;

    @Test
    void sendsAStrictPolicyWithEveryPage() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", allOf(containsString("script-src 'self'"),
                        containsString("frame-ancestors 'none'"), containsString("object-src 'none'"),
                        not(containsString("unsafe-inline")), not(containsString("unsafe-eval")))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(header().exists("X-Request-Id"));
    }

    @Test
    void sendsHstsOnlyOverTls() throws Exception {
        mvc.perform(get("/login").secure(true))
                .andExpect(header().string("Strict-Transport-Security", containsString("max-age=")));
        mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        // Secure is set by the servlet container on a cookie made over TLS (request.isSecure())
        var cookie = server.getServlet().getSession().getCookie();
        assertThat(cookie.getHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isNotNull();
        assertThat(cookie.getSameSite().attributeValue()).isEqualTo("Lax");
    }

    @Test
    void aPageFormWithoutItsCsrfTokenIsRefused() throws Exception {
        MockHttpSession session = Api.login(mvc, users.create(Role.STREET_WORKER, "440106000000"),
                TestUsers.PASSWORD);
        mvc.perform(post("/persons").session(session).param("q", "陈")).andExpect(status().isForbidden());
        mvc.perform(post("/persons").session(session).with(csrf()).param("q", "陈")).andExpect(status().isOk());
    }
}
