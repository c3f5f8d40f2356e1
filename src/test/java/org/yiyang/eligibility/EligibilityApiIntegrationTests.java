package org.yiyang.eligibility;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.person.Gb11643;
import org.yiyang.person.LivingArrangement;
import org.yiyang.person.PersonTag;
import org.yiyang.person.ResidentBulkWriter;
import org.yiyang.person.ResidentIdNumber;
import org.yiyang.person.ResidentRecord;
import org.yiyang.person.TagPeriod;
import org.yiyang.region.Regions;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/** The calculator, a registered person's eligibility and the people lists, over HTTP. */
@IntegrationTest
class EligibilityApiIntegrationTests {
    static final String TIANHE = "440106000000";
    static final String HAIZHU = "440105000000";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Regions regions;
    @Autowired ResidentBulkWriter writer;
    @Autowired TransactionTemplate transactions;

    String tianhe;

    @BeforeEach
    void officer() throws Exception {
        tianhe = Api.bearer(mvc, users.create(Role.DISTRICT_OFFICER, TIANHE), TestUsers.PASSWORD);
    }

    ResultActions evaluate(String body, String language) throws Exception {
        return mvc.perform(post("/api/v1/eligibility/evaluate").header("Authorization", tianhe)
                .header("Accept-Language", language).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void answersTheIssuesExampleForEveryItemWithTheHighestStandardAndATrace() throws Exception {
        // 85 on 2026-06-01, 低保, living alone, moderately disabled (level 2), income 1,200 元:
        // first class (低保 and 失能) 400 元 and second class (经济困难, 失能, 80+) 200 元 both fit; the higher applies
        // (第二十六条), and level 2 is not severe, so the month's amount is 400 元.
        evaluate("""
                {"asOf": "2026-06-01", "person": {"birthDate": "1941-05-02", "hukouRegion": "440106001001",
                 "residenceRegion": "440106001001", "tags": ["DIBAO"], "livingArrangement": "ALONE",
                 "livingAtHome": true, "householdIncomePerCapitaFen": 120000, "careNeedsLevel": 2,
                 "ltcInsuredType": "EMPLOYEE"}}""", "zh-CN")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.listVersion.code").value("GZ-2024-SEED"))
                .andExpect(jsonPath("$.listVersion.officialListObtained").value(false))
                .andExpect(jsonPath("$.items", hasSize(12)))
                .andExpect(jsonPath("$.items[?(@.item == 'COMMUNITY_SUBSIDY_1')].eligible").value(contains(true)))
                .andExpect(jsonPath("$.items[?(@.item == 'COMMUNITY_SUBSIDY_1')].supersededBy").value(contains((Object) null)))
                .andExpect(jsonPath("$.items[?(@.item == 'COMMUNITY_SUBSIDY_2')].eligible").value(contains(true)))
                .andExpect(jsonPath("$.items[?(@.item == 'COMMUNITY_SUBSIDY_2')].supersededBy")
                        .value(contains("COMMUNITY_SUBSIDY_1")))
                .andExpect(jsonPath("$.items[?(@.item == 'COMMUNITY_SUBSIDY_SEVERE')].eligible").value(contains(false)))
                .andExpect(jsonPath("$.items[?(@.item == 'LTC_INSURANCE')].eligible").value(contains(true)))
                .andExpect(jsonPath("$.totalMonthlyFen").value(400_00))
                .andExpect(jsonPath("$.items[?(@.item == 'COMMUNITY_SUBSIDY_2')].trace[*].actual",
                        hasItem("1,200.00 < 3,272.50")))
                .andExpect(jsonPath("$.items[?(@.item == 'COMMUNITY_SUBSIDY_1')].name").value(contains("居家社区养老服务资助（第一类）")))
                // the official list is not obtained, and 穗民规字〔2025〕2号 ended on 2026-06-01 (失效日期) while its
                // 低保 standard stays in force until a new one is loaded (open items 6 and 12)
                .andExpect(jsonPath("$.warnings", hasSize(2)))
                .andExpect(jsonPath("$.warnings[1]").value(org.hamcrest.Matchers.containsString("2026-06-01")));
    }

    @Test
    void unknownFactsLeaveItemsUndecidedWithTheMissingFactsListed() throws Exception {
        evaluate("""
                {"asOf": "2026-06-01", "person": {"birthDate": "1941-05-02", "hukouRegion": "440106001001",
                 "tags": ["DIBAO"], "livingArrangement": "ALONE"}}""", "en")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.item == 'COMMUNITY_SUBSIDY_1')].eligible").value(contains((Object) null)))
                .andExpect(jsonPath("$.items[?(@.item == 'COMMUNITY_SUBSIDY_1')].missingFacts").value(contains(List.of("careLevel"))))
                .andExpect(jsonPath("$.items[?(@.item == 'COMMUNITY_SUBSIDY_1')].name")
                        .value(contains("Community care subsidy, first class")))
                .andExpect(jsonPath("$.items[?(@.item == 'MEAL_DINER_SUBSIDY')].eligible").value(contains(true)));
    }

    @Test
    void invalidFactsAreRefusedAllAtOnce() throws Exception {
        evaluate("""
                {"asOf": "2026-06-01", "person": {"birthDate": "2027-01-01", "hukouRegion": "4401",
                 "tags": ["DIBAO", "RICH"], "livingArrangement": "BOAT", "householdIncomePerCapitaFen": -1,
                 "careNeedsLevel": 7, "ltcInsuredType": "PRIVATE"}}""", "en")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("person.birthDate",
                        "person.hukouRegion", "person.tags[1]", "person.livingArrangement",
                        "person.householdIncomePerCapitaFen", "person.careNeedsLevel", "person.ltcInsuredType")));
        evaluate("{\"asOf\": \"2026-06-01\", \"person\": {\"birthDate\": \"1941-05-02\", \"wealth\": 1}}", "en")
                .andExpect(status().isBadRequest());
        evaluate("{\"asOf\": \"2026-06-01\"}", "en").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("person"));
        evaluate("{\"asOf\": \"2020-01-01\", \"person\": {\"birthDate\": \"1941-05-02\"}}", "en")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("NO_SERVICE_LIST_IN_FORCE"));
    }

    @Test
    void aRegisteredPersonIsEvaluatedWithinTheJurisdictionOnly() throws Exception {
        UUID id = resident("440106001001", "440100000000.440106000000.440106001000.440106001001");
        String haizhu = Api.bearer(mvc, users.create(Role.DISTRICT_OFFICER, HAIZHU), TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/persons/{id}/eligibility", id).param("asOf", "2026-06-15")
                        .header("Authorization", tianhe))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2026-06-15"))
                .andExpect(jsonPath("$.items[?(@.item == 'TEKUN_INSTITUTION_ADMISSION')].eligible").value(contains(true)))
                .andExpect(jsonPath("$.items[?(@.item == 'COMMUNITY_SUBSIDY_1')].missingFacts")
                        .value(contains(List.of("careLevel"))));
        mvc.perform(get("/api/v1/persons/{id}/eligibility", id).header("Authorization", haizhu))
                .andExpect(status().isNotFound());
        // the people list is the same rule in SQL, scoped: the Tianhe officer's list holds the person, Haizhu's not
        String body = mvc.perform(get("/api/v1/eligibility/items/TEKUN_INSTITUTION_ADMISSION/people")
                        .param("asOf", "2026-06-15").param("size", "500").header("Authorization", tianhe))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> ids = JsonPath.read(body, "$.people[*].id");
        int total = JsonPath.read(body, "$.total");
        if (total <= 500) {
            org.assertj.core.api.Assertions.assertThat(ids).hasSize(total).contains(id.toString());
        }
        mvc.perform(get("/api/v1/eligibility/items/TEKUN_INSTITUTION_ADMISSION/people").param("asOf", "2026-06-15")
                        .param("size", "500").header("Authorization", haizhu))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.people[*].id", not(hasItem(id.toString()))));
        mvc.perform(get("/api/v1/eligibility/items/NO_SUCH_ITEM/people").header("Authorization", tianhe))
                .andExpect(status().isNotFound());
    }

    private UUID resident(String community, String path) {
        UUID id = UUID.randomUUID();
        LocalDate birth = LocalDate.of(1930 + (int) (Math.random() * 20), 3, 1 + (int) (Math.random() * 27));
        String first17 = "440106" + birth.toString().replace("-", "") + String.format("%03d", (int) (Math.random() * 1000));
        var record = new ResidentRecord(id, ResidentIdNumber.parse(first17 + Gb11643.checkCharacter(first17)), "测试",
                null, community, community, path, null, LivingArrangement.ALONE, null,
                List.of(new TagPeriod(PersonTag.TEKUN_SCATTERED, LocalDate.of(2025, 1, 1), null)), false);
        transactions.executeWithoutResult(s -> writer.write(List.of(record)));
        return id;
    }
}
