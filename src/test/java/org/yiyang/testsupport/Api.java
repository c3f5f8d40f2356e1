package org.yiyang.testsupport;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Small helpers for API tests: obtaining a bearer token the way a client does. */
public final class Api {

    /** Logs in through the login form, as a browser does, and returns the session to send with page requests. */
    public static org.springframework.mock.web.MockHttpSession login(MockMvc mvc, String username, String password)
            throws Exception {
        return (org.springframework.mock.web.MockHttpSession) mvc.perform(post("/login")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf())
                        .param("username", username).param("password", password))
                .andReturn().getRequest().getSession();
    }

    private Api() {
    }

    public static String bearer(MockMvc mvc, String username, String password) throws Exception {
        return bearer(mvc, username, password, null);
    }

    /** With the current TOTP code, for administrators. */
    public static String bearer(MockMvc mvc, String username, String password, String totp) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\""
                                + (totp == null ? "" : ",\"totp\":\"" + totp + "\"") + "}"))
                .andReturn().getResponse().getContentAsString();
        return "Bearer " + JsonPath.read(body, "$.token");
    }
}
