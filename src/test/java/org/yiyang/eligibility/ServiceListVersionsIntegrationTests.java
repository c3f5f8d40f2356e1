package org.yiyang.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Service-list versions: a faulty document is refused with every fault, a new version is compared and dry-run before
 * activation, and it applies from its effective date while history stays queryable.
 */
@IntegrationTest
class ServiceListVersionsIntegrationTests {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    String city;

    @BeforeEach
    void officer() throws Exception {
        city = Api.bearer(mvc, users.create(Role.CITY_OFFICER, "440100000000"), TestUsers.PASSWORD);
    }

    static ObjectNode shippedPack() throws Exception {
        try (InputStream in = ServiceListVersionsIntegrationTests.class
                .getResourceAsStream("/policy/guangzhou/service-list/GZ-2024-SEED.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    @Test
    void theShippedVersionIsInForceAndHistoryIsQueryable() throws Exception {
        mvc.perform(get("/api/v1/service-lists").header("Authorization", city)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'GZ-2024-SEED')].status").value(hasItem("ACTIVE")));
        mvc.perform(get("/api/v1/service-lists/in-force").param("on", "2025-03-01").header("Authorization", city))
                .andExpect(status().isOk()).andExpect(jsonPath("$.code").value("GZ-2024-SEED"));
        mvc.perform(get("/api/v1/service-lists/in-force").param("on", "2024-01-01").header("Authorization", city))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/service-lists/GZ-2024-SEED").header("Authorization", city))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parameters.econDifficultMultiplier").value(2.5))
                .andExpect(jsonPath("$.items[0].rule").value("age >= minAge"));
    }

    @Test
    void aFaultyDocumentIsRefusedWithEveryFaultAndNothingStored() throws Exception {
        ObjectNode doc = shippedPack();
        String code = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        doc.put("code", code);
        ArrayNode items = (ArrayNode) doc.get("items");
        ((ObjectNode) items.get(1)).put("rule", "\"RICH\" in tags");
        ((ObjectNode) items.get(2)).put("rule", "[1, 2].exists(x, x > careLevel)");
        ((ObjectNode) items.get(3)).put("rule", "age >= \"eighty\"");
        ((ObjectNode) items.get(4)).put("category", "NO_SUCH_CATEGORY");
        mvc.perform(post("/api/v1/service-lists").header("Authorization", city).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(doc)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("items.COMMUNITY_SUBSIDY_1.rule",
                        "items.COMMUNITY_SUBSIDY_2.rule", "items.COMMUNITY_SUBSIDY_SEVERE.rule",
                        "items.MEAL_DINER_SUBSIDY.category")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("unknown tag RICH")));
        mvc.perform(get("/api/v1/service-lists/" + code).header("Authorization", city))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyCityOfficersSubmitAndActivate() throws Exception {
        String district = Api.bearer(mvc, users.create(Role.DISTRICT_OFFICER, "440106000000"), TestUsers.PASSWORD);
        mvc.perform(post("/api/v1/service-lists").header("Authorization", district)
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(shippedPack())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/service-lists/GZ-2024-SEED/activate").header("Authorization", district))
                .andExpect(status().isForbidden());
    }

    @Test
    void aNewVersionIsComparedDryRunThenActivatedFromItsEffectiveDate() throws Exception {
        ObjectNode doc = shippedPack();
        String code = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        doc.put("code", code);
        doc.put("year", 2090);
        doc.put("effectiveFrom", "2090-01-01");
        ArrayNode items = (ArrayNode) doc.get("items");
        // removed: 平安通; changed: the delivery subsidy from level 2; added: a subsidy for everyone aged 90+
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).get("code").asString().equals("PINGANTONG")) {
                items.remove(i);
                break;
            }
        }
        for (var item : items) {
            if (item.get("code").asString().equals("MEAL_DELIVERY_SUBSIDY")) {
                ((ObjectNode) item).put("rule", "cityHukou && elderAtHome && careLevel >= 2");
            }
        }
        ObjectNode added = items.addObject();
        added.put("code", "LONGEVITY_ALLOWANCE").put("category", "HOME_COMMUNITY").put("supportForm", "CASH_SUBSIDY")
                .put("funding", "GOVERNMENT_PROVIDED").put("source", "test").put("rule", "age >= 90");
        added.putObject("name").put("zh-CN", "高龄津贴（测试）");
        added.putObject("benefit").put("monthlyAmountFen", 10000);
        mvc.perform(post("/api/v1/service-lists").header("Authorization", city)
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(doc)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"));

        mvc.perform(get("/api/v1/service-lists/" + code + "/compare").param("from", "GZ-2024-SEED")
                        .header("Authorization", city))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added").value(org.hamcrest.Matchers.contains("LONGEVITY_ALLOWANCE")))
                .andExpect(jsonPath("$.removed").value(org.hamcrest.Matchers.contains("PINGANTONG")))
                .andExpect(jsonPath("$.changed[?(@.item == 'MEAL_DELIVERY_SUBSIDY')].fields[*]").value(hasItem("rule")));

        // the dry run against the version in force on the date: whoever the shipped list gives 平安通 loses it,
        // whoever is 90+ gains the new item — the same counts the people lists give for those rules
        String dryRun = mvc.perform(post("/api/v1/service-lists/" + code + "/dry-run").param("asOf", "2090-01-01")
                        .header("Authorization", city))
                .andExpect(status().isOk()).andExpect(jsonPath("$.against").value("GZ-2024-SEED"))
                .andReturn().getResponse().getContentAsString();
        long pingantongNow = total("PINGANTONG", "2090-01-01");
        assertThat(first(dryRun, "$.items[?(@.item == 'PINGANTONG')].loss"))
                .isEqualTo(pingantongNow);
        assertThat(first(dryRun, "$.items[?(@.item == 'PINGANTONG')].gain"))
                .isZero();
        List<Map<String, Object>> sample = JsonPath.read(dryRun, "$.items[?(@.item == 'PINGANTONG')].sampleLosing[*]");
        assertThat(sample).hasSize((int) Math.min(5, pingantongNow));

        mvc.perform(post("/api/v1/service-lists/" + code + "/activate").header("Authorization", city))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(post("/api/v1/service-lists/" + code + "/activate").header("Authorization", city))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/service-lists/in-force").param("on", "2089-12-31").header("Authorization", city))
                .andExpect(jsonPath("$.code").value("GZ-2024-SEED"));
        mvc.perform(get("/api/v1/service-lists/in-force").param("on", "2090-01-01").header("Authorization", city))
                .andExpect(jsonPath("$.code").value(code));
        long gained = total("LONGEVITY_ALLOWANCE", "2090-01-01");
        assertThat(first(dryRun, "$.items[?(@.item == 'LONGEVITY_ALLOWANCE')].gain"))
                .isEqualTo(gained);
    }

    private static long first(String json, String path) {
        List<Number> values = JsonPath.read(json, path);
        assertThat(values).hasSize(1);
        return values.get(0).longValue();
    }

    private long total(String item, String asOf) throws Exception {
        String body = mvc.perform(get("/api/v1/eligibility/items/" + item + "/people").param("asOf", asOf)
                        .param("size", "1").header("Authorization", city))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.total")).longValue();
    }
}
