package org.yiyang.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.testsupport.IntegrationTest;

/** Unreadable requests get 400 problem+json with stable codes and a message in the caller's language. */
@IntegrationTest
class ProblemDetailsIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired org.yiyang.testsupport.TestUsers users;

    @Test
    void namesAQueryParameterOfTheWrongType() throws Exception {
        String bearer = org.yiyang.testsupport.Api.bearer(mvc,
                users.create(org.yiyang.shared.Role.CITY_OFFICER, "440100000000"),
                org.yiyang.testsupport.TestUsers.PASSWORD);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/persons")
                        .param("page", "x").header("Authorization", bearer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.errors[0].code").value("WRONG_TYPE"));
    }

    @Test
    void answersMalformedJsonWith400() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{\"username\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].code").value("MALFORMED"));
    }

    @Test
    void namesAnUnknownPropertyInTheCallersLanguage() throws Exception {
        String body = "{\"username\":\"a\",\"password\":\"b\",\"role\":\"SYSTEM_ADMIN\"}";
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"))
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_PROPERTY"))
                .andExpect(jsonPath("$.errors[0].message").value("This property is not part of the request."));
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("请求中不应包含此字段。"));
    }

    @Test
    void namesAValueOfTheWrongType() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":[1,2],\"password\":\"b\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("username"))
                .andExpect(jsonPath("$.errors[0].code").value("WRONG_TYPE"));
    }
}
