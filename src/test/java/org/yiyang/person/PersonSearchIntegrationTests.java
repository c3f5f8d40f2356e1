package org.yiyang.person;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.region.Regions;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

@IntegrationTest
class PersonSearchIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Regions regions;

    String tianhe;
    String haizhu;
    String community1;
    String community2;
    String prefix;

    @BeforeEach
    void setUp() throws Exception {
        String[] street = PersonFixtures.streetWithCommunities(regions, "440106", "查询测试");
        community1 = street[1];
        community2 = street[2];
        tianhe = Api.bearer(mvc, users.create(Role.DISTRICT_OFFICER, "440106000000"), TestUsers.PASSWORD);
        haizhu = Api.bearer(mvc, users.create(Role.DISTRICT_OFFICER, "440105000000"), TestUsers.PASSWORD);
        prefix = "Q" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void findsByNamePrefixAndBySimilarity() throws Exception {
        String id = register(PersonFixtures.idNumber(), prefix + " Wang Xiuying", community1);
        search("q", prefix + " Wang Xiuyng").andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(id));
        search("q", prefix).andExpect(jsonPath("$.total").value(1));
        register(PersonFixtures.idNumber(), prefix + "陈桂兰", community1);
        search("q", prefix + "陈桂").andExpect(jsonPath("$.items[0].name").value(prefix + "陈桂兰"));
    }

    @Test
    void findsByAnyFormOfTheIdNumber() throws Exception {
        String idNumber = PersonFixtures.idNumber();
        while (!idNumber.endsWith("X")) {
            idNumber = PersonFixtures.idNumber();
        }
        String id = register(idNumber, prefix + "黄", community1);
        search("q", idNumber.toLowerCase()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].idNumberMasked").value(idNumber.substring(0, 3) + "*".repeat(11)
                        + idNumber.substring(14)));
        mvc.perform(post("/api/v1/persons/search").header("Authorization", tianhe)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PersonFixtures.json(Map.of("q", idNumber))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id));
    }

    @Test
    void filtersByRegionAndCountsEveryMatchAcrossPages() throws Exception {
        for (int i = 0; i < 3; i++) {
            register(PersonFixtures.idNumber(), prefix + "甲" + i, community1);
        }
        for (int i = 0; i < 2; i++) {
            register(PersonFixtures.idNumber(), prefix + "乙" + i, community2);
        }
        mvc.perform(get("/api/v1/persons").param("q", prefix).param("size", "2").param("page", "0")
                        .header("Authorization", tianhe))
                .andExpect(jsonPath("$.total").value(5)).andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.page").value(0)).andExpect(jsonPath("$.size").value(2));
        mvc.perform(get("/api/v1/persons").param("q", prefix).param("size", "2").param("page", "2")
                        .header("Authorization", tianhe))
                .andExpect(jsonPath("$.total").value(5)).andExpect(jsonPath("$.items", hasSize(1)));
        mvc.perform(get("/api/v1/persons").param("q", prefix).param("region", community2)
                        .header("Authorization", tianhe))
                .andExpect(jsonPath("$.total").value(2)).andExpect(jsonPath("$.items", hasSize(2)));
        mvc.perform(get("/api/v1/persons").param("q", prefix).param("region", "440105000000")
                        .header("Authorization", tianhe))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void keepsEachOfficerToTheirJurisdiction() throws Exception {
        String id = register(PersonFixtures.idNumber(), prefix + "天河人", community1);
        mvc.perform(get("/api/v1/persons/" + id).header("Authorization", haizhu)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/persons/" + UUID.randomUUID()).header("Authorization", tianhe))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/persons").param("q", prefix).header("Authorization", haizhu))
                .andExpect(jsonPath("$.total").value(0)).andExpect(jsonPath("$.items", hasSize(0)));
        String all = mvc.perform(get("/api/v1/persons").param("size", "100").header("Authorization", haizhu))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(all).doesNotContain(id);
        String city = Api.bearer(mvc, users.create(Role.CITY_OFFICER, "440100000000"), TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/persons/" + id).header("Authorization", city)).andExpect(status().isOk());
    }

    @Test
    void refusesAnonymousCallers() throws Exception {
        mvc.perform(get("/api/v1/persons")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/persons/" + UUID.randomUUID())).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/persons").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/persons/id-numbers/validate").contentType(MediaType.APPLICATION_JSON)
                .content("{\"value\":\"11010519491231002X\"}")).andExpect(status().isUnauthorized());
    }

    @Test
    void documentsTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/persons'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/persons/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/persons/id-numbers/validate'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/persons/imports'].post").exists());
    }

    @Test
    void refusesRolesThatDoNotWorkWithResidentRecords() throws Exception {
        String assessor = Api.bearer(mvc, users.create(Role.ASSESSOR, "440106000000"), TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/persons").header("Authorization", assessor)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/persons").header("Authorization", assessor).contentType(MediaType.APPLICATION_JSON)
                        .content(PersonFixtures.json(PersonFixtures.resident(PersonFixtures.idNumber(), "某人", community1))))
                .andExpect(status().isForbidden());
    }

    @Test
    void validatesIdNumbersAndNamesEachError() throws Exception {
        validate("11010519491231002x").andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.normalized").value("11010519491231002X"))
                .andExpect(jsonPath("$.birthDate").value("1949-12-31"))
                .andExpect(jsonPath("$.sex").value("FEMALE"))
                .andExpect(jsonPath("$.error").doesNotExist());
        validate("110105491231002").andExpect(jsonPath("$.normalized").value("11010519491231002X"));
        validate("440524188001010014").andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.sex").value("MALE"));
        validate("1101051949").andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.error").value("LENGTH")).andExpect(jsonPath("$.normalized").isEmpty());
        validate("1101051949123100AX").andExpect(jsonPath("$.error").value("CHARACTERS"));
        String feb30 = "11010519490230002";
        validate(feb30 + Gb11643.checkCharacter(feb30)).andExpect(jsonPath("$.error").value("BIRTH_DATE"));
        validate("110105194912310021").andExpect(jsonPath("$.error").value("CHECK_CHARACTER"))
                .andExpect(jsonPath("$.birthDate").isEmpty()).andExpect(jsonPath("$.sex").isEmpty());
    }

    private org.springframework.test.web.servlet.ResultActions validate(String value) throws Exception {
        return mvc.perform(post("/api/v1/persons/id-numbers/validate").header("Authorization", tianhe)
                .contentType(MediaType.APPLICATION_JSON).content(PersonFixtures.json(Map.of("value", value))));
    }

    private org.springframework.test.web.servlet.ResultActions search(String param, String value) throws Exception {
        return mvc.perform(get("/api/v1/persons").param(param, value).header("Authorization", tianhe));
    }

    private String register(String idNumber, String name, String community) throws Exception {
        Map<String, Object> body = PersonFixtures.resident(idNumber, name, community);
        body.put("confirmedNotDuplicate", true);
        String response = mvc.perform(post("/api/v1/persons").header("Authorization", tianhe)
                        .contentType(MediaType.APPLICATION_JSON).content(PersonFixtures.json(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }
}
