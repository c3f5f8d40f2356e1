package org.yiyang.assessment;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ScoreApiIntegrationTests {
    static final JsonMapper JSON = JsonMapper.builder().build();
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    String assessor;

    @BeforeEach
    void setUp() throws Exception {
        assessor = Api.bearer(mvc, users.create(Role.ASSESSOR, "440106000000"), TestUsers.PASSWORD);
    }

    @Test
    void scoresOnTheServerWithLevelChangesAndTheirReasons() throws Exception {
        Map<String, Object> body = request(AssessmentTestData.sixtyFive());
        body.put("diagnoses", List.of("I10", "F01.1"));
        body.put("riskEvents30d", Map.of("FALL", 1, "CHOKING", 1));
        body.put("total", 90); // a client total is ignored... and refused as an unknown property
        score(body, null).andExpect(status().isBadRequest());
        body.remove("total");
        score(body, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.dimensionScores['B.1']").value(8))      // 32 − 24
                .andExpect(jsonPath("$.dimensionScores['B.2']").value(15))
                .andExpect(jsonPath("$.dimensionScores['B.3']").value(27))     // 28 − 1
                .andExpect(jsonPath("$.dimensionScores['B.4']").value(15))
                .andExpect(jsonPath("$.total").value(65))                      // 8+15+27+15
                .andExpect(jsonPath("$.preliminaryLevel").value(2))            // 46–65
                .andExpect(jsonPath("$.finalLevel").value(3))                  // F01.1 and 2 events: +1 in all
                .andExpect(jsonPath("$.finalLevelName").value("能力重度受损（重度失能）"))
                .andExpect(jsonPath("$.adjustments", hasSize(2)))
                .andExpect(jsonPath("$.adjustments[0].rule").value("MENTAL_DISORDER"))
                .andExpect(jsonPath("$.adjustments[0].reason").value(org.hamcrest.Matchers.containsString("痴呆")))
                .andExpect(jsonPath("$.adjustments[1].rule").value("CARE_RISK_EVENTS"));
    }

    @Test
    void namesTheLevelInEnglishWhenAsked() throws Exception {
        Map<String, Object> body = request(AssessmentTestData.allMax());
        body.put("coma", true);
        body.put("diagnoses", List.of(Map.of("code", "F32", "byPsychiatrist", true)));
        score(body, "en").andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(90))
                .andExpect(jsonPath("$.preliminaryLevel").value(0))
                .andExpect(jsonPath("$.finalLevel").value(4))                  // coma overrides everything
                .andExpect(jsonPath("$.finalLevelName").value("Ability completely lost (complete disability)"))
                .andExpect(jsonPath("$.adjustments[0].rule").value("COMA"));
    }

    @Test
    void partialAnswersGiveSubtotalsAndTotalButNoLevel() throws Exception {
        Map<String, Object> body = request(Map.of("B.1.1", 4, "B.4.5", 3));
        body.put("partial", true);
        score(body, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.dimensionScores['B.1']").value(4))
                .andExpect(jsonPath("$.dimensionScores['B.4']").value(3))
                .andExpect(jsonPath("$.total").value(7))
                .andExpect(jsonPath("$.complete").value(false))
                .andExpect(jsonPath("$.missingItems", hasSize(24)))
                .andExpect(jsonPath("$.finalLevel").doesNotExist());
    }

    @Test
    void listsEveryProblemOfABadRequest() throws Exception {
        Map<String, Integer> answers = AssessmentTestData.allMax();
        answers.remove("B.4.1");                 // missing item
        answers.put("B.2.4", 4);                 // not an option (max 3)
        answers.put("B.5.1", 1);                 // unknown item
        Map<String, Object> body = request(answers);
        body.put("diagnoses", List.of("F01.1", "F1", Map.of("code", "banana")));
        body.put("riskEvents30d", Map.of("EARTHQUAKE", 1, "FALL", -1));
        score(body, null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("answers.B.4.1", "answers.B.2.4",
                        "answers.B.5.1", "diagnoses[1]", "diagnoses[2]", "riskEvents30d.EARTHQUAKE",
                        "riskEvents30d.FALL")))
                .andExpect(jsonPath("$.errors[*].code", containsInAnyOrder("MISSING_ITEM", "NOT_AN_OPTION",
                        "UNKNOWN_ITEM", "MALFORMED_ICD10", "MALFORMED_ICD10", "UNKNOWN_RISK_KIND",
                        "NEGATIVE_COUNT")));
    }

    @Test
    void refusesAnUnknownInstrument() throws Exception {
        Map<String, Object> body = request(AssessmentTestData.allMax());
        body.put("instrument", "MZT039-2013");
        score(body, null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("instrument"))
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_INSTRUMENT"));
    }

    @Test
    void anonymousCallersAreRefused() throws Exception {
        mvc.perform(post("/api/v1/assessments/score").contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(request(AssessmentTestData.allMax()))))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void providerStaffMayNotScore() throws Exception {
        String provider = Api.bearer(mvc, users.create(Role.LTC_OFFICER, "440106000000"), TestUsers.PASSWORD);
        mvc.perform(post("/api/v1/assessments/score").header("Authorization", provider)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(request(AssessmentTestData.allMax()))))
                .andExpect(status().isForbidden());
    }

    private static Map<String, Object> request(Map<String, Integer> answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instrument", "GBT42195-2022");
        body.put("answers", answers);
        return body;
    }

    private ResultActions score(Map<String, Object> body, String language) throws Exception {
        var request = post("/api/v1/assessments/score").header("Authorization", assessor)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return mvc.perform(request);
    }
}
