package org.yiyang.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyang.region.Regions;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

@IntegrationTest
class PersonRegistrationIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Regions regions;
    @Autowired JdbcClient jdbc;

    String tianhe;
    String haizhu;
    String community;
    String otherCommunity;

    @BeforeEach
    void setUp() throws Exception {
        String[] street = PersonFixtures.streetWithCommunities(regions, "440106", "测试天河");
        community = street[1];
        otherCommunity = street[2];
        tianhe = Api.bearer(mvc, users.create(Role.DISTRICT_OFFICER, "440106000000"), TestUsers.PASSWORD);
        haizhu = Api.bearer(mvc, users.create(Role.DISTRICT_OFFICER, "440105000000"), TestUsers.PASSWORD);
    }

    @Test
    void registersAResidentAndStoresTheIdNumberOnlyEncrypted() throws Exception {
        String id = PersonFixtures.idNumber("440106", LocalDate.of(1950, 3, 15), false);
        String body = register(tianhe, PersonFixtures.resident(id, "王秀英", community))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/persons/")))
                .andExpect(jsonPath("$.name").value("王秀英"))
                .andExpect(jsonPath("$.sex").value("FEMALE"))
                .andExpect(jsonPath("$.birthDate").value(id.substring(6, 10) + "-" + id.substring(10, 12) + "-"
                        + id.substring(12, 14)))
                .andExpect(jsonPath("$.age").isNumber())
                .andExpect(jsonPath("$.idNumberMasked").value(id.substring(0, 3) + "*".repeat(11) + id.substring(14)))
                .andExpect(jsonPath("$.phoneMasked").value(org.hamcrest.Matchers.matchesPattern("139\\*{4}\\d{4}")))
                .andExpect(jsonPath("$.residenceRegion.code").value(community))
                .andExpect(jsonPath("$.residenceRegion.name").value("测试天河一社区"))
                .andExpect(jsonPath("$.hukouRegion.name").value("天河区"))
                .andExpect(jsonPath("$.livingArrangement").value("ALONE"))
                .andExpect(jsonPath("$.householdIncomePerCapitaFen").value(150000))
                .andExpect(jsonPath("$.tags[0].tag").value("DIBAO"))
                .andExpect(jsonPath("$.tags[0].validFrom").value("2025-01-01"))
                .andExpect(jsonPath("$.demo").value(false))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain(id).doesNotContain(id.substring(6, 14) + id.substring(14));
        UUID personId = UUID.fromString(JsonPath.read(body, "$.id"));

        byte[] stored = jdbc.sql("select id_number_enc from person where id = :id").param("id", personId)
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(id).doesNotContain(id.substring(6, 14));
        assertThat(jdbc.sql("select count(*) from emergency_contact where person_id = :id").param("id", personId)
                .query(Long.class).single()).isEqualTo(1);

        mvc.perform(get("/api/v1/persons/" + personId).header("Authorization", tianhe))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("王秀英"));
    }

    @Test
    void acceptsALegacyFifteenDigitNumberAndKnowsItsEighteenCharacterForm() throws Exception {
        // A 15-digit number: 6 address digits, YYMMDD, 3 sequence digits.
        String legacy = "440106" + "471103" + String.format("%03d", 100 + (int) (Math.random() * 800));
        Map<String, Object> body = PersonFixtures.resident(legacy, "陈老伯", community);
        String converted = Gb11643.normalise(legacy);
        register(tianhe, body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.birthDate").value("1947-11-03"))
                .andExpect(jsonPath("$.idNumberMasked").value(converted.substring(0, 3) + "*".repeat(11)
                        + converted.substring(14)));
        register(tianhe, PersonFixtures.resident(converted, "陈老伯", community))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("PERSON_EXISTS"));
    }

    @Test
    void rejectsEachBadValueNamingTheFieldAndWritesNothing() throws Exception {
        long before = persons();
        String good = PersonFixtures.idNumber();
        String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        expectProblem(with("idNumber", wrongCheck), 422, "idNumber", "ID_NUMBER_CHECK_CHARACTER");
        String feb30 = "44010619500230001";
        expectProblem(with("idNumber", feb30 + Gb11643.checkCharacter(feb30)), 422, "idNumber",
                "ID_NUMBER_BIRTH_DATE");
        expectProblem(with("idNumber", "4401061950"), 422, "idNumber", "ID_NUMBER_LENGTH");
        expectProblem(with("residenceRegion", "440106999999"), 422, "residenceRegion", "REGION_UNKNOWN");
        expectProblem(with("residenceRegion", "44010600000A"), 422, "residenceRegion", "REGION_CODE_FORMAT");
        expectProblem(with("residenceRegion", "440106000000"), 422, "residenceRegion", "REGION_OUTSIDE_CITY");
        expectProblem(with("householdIncomePerCapitaFen", -1), 422, "householdIncomePerCapitaFen",
                "INCOME_NEGATIVE");
        expectProblem(with("phone", "12345"), 422, "phone", "PHONE_FORMAT");
        expectProblem(with("name", ""), 422, "name", "REQUIRED");
        expectProblem(with("name", "名".repeat(61)), 422, "name", "NAME_LENGTH");
        expectProblem(with("hukouRegion", "440199999000"), 422, "hukouRegion", "HUKOU_REGION");
        expectProblem(with("tags", List.of(Map.of("tag", "DIBAO", "validFrom", "2025-02-01",
                "validTo", "2025-01-01"))), 422, "tags[0].validTo", "TAG_PERIOD");
        // residence in 天河, user of 海珠
        register(haizhu, PersonFixtures.resident(PersonFixtures.idNumber(), "赵六", community))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[*].code", hasItem("OUTSIDE_JURISDICTION")));

        mvc.perform(post("/api/v1/persons").header("Authorization", tianhe).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idNumber\": \"" + good + "\", \"name\": "))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("MALFORMED"));
        Map<String, Object> unknown = PersonFixtures.resident(good, "张三", community);
        unknown.put("nickname", "x");
        register(tianhe, unknown).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nickname"))
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_PROPERTY"));
        assertThat(persons()).isEqualTo(before);
    }

    @Test
    void reportsEveryBadFieldAtOnceWithoutEchoingTheIdNumber() throws Exception {
        String good = PersonFixtures.idNumber();
        String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        Map<String, Object> body = PersonFixtures.resident(wrongCheck, "", "440106999999");
        body.put("householdIncomePerCapitaFen", -5);
        String response = register(tianhe, body).andExpect(status().is(422))
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[*].field",
                        org.hamcrest.Matchers.containsInAnyOrder("idNumber", "name", "residenceRegion",
                                "householdIncomePerCapitaFen")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(response).doesNotContain(wrongCheck);
    }

    @Test
    void answersADuplicateWithTheIdInsideTheJurisdictionAndWithoutItElsewhere() throws Exception {
        String id = PersonFixtures.idNumber();
        String personId = JsonPath.read(register(tianhe, PersonFixtures.resident(id, "李四", community))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        long before = persons();

        register(tianhe, PersonFixtures.resident(id.toLowerCase(), "李四", otherCommunity))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("PERSON_EXISTS"))
                .andExpect(jsonPath("$.personId").value(personId));

        String haizhuCommunity = PersonFixtures.streetWithCommunities(regions, "440105", "测试海珠")[1];
        String response = register(haizhu, PersonFixtures.resident(id, "李四", haizhuCommunity))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("REGISTERED_ELSEWHERE"))
                .andExpect(jsonPath("$.personId").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(response).doesNotContain(personId);
        assertThat(persons()).isEqualTo(before);
    }

    @Test
    void stopsALikelyDuplicateUntilTheWorkerConfirmsItIsSomeoneElse() throws Exception {
        LocalDate birth = LocalDate.of(1944, 6, 6);
        String first = PersonFixtures.idNumber("440106", birth, true);
        String name = "周" + UUID.randomUUID().toString().substring(0, 4);
        Map<String, Object> original = PersonFixtures.resident(first, name, community);
        String firstId = JsonPath.read(register(tianhe, original).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");

        String second = sameBirthDate(first);
        Map<String, Object> similar = PersonFixtures.resident(second, name, otherCommunity);
        register(tianhe, similar).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("LIKELY_DUPLICATE"))
                .andExpect(jsonPath("$.candidates[0]").value(firstId));

        Map<String, Object> samePhone = PersonFixtures.resident(PersonFixtures.idNumber(), "另一个人", otherCommunity);
        samePhone.put("phone", original.get("phone"));
        register(tianhe, samePhone).andExpect(status().isConflict())
                .andExpect(jsonPath("$.candidates", hasItem(firstId)));

        similar.put("confirmedNotDuplicate", true);
        register(tianhe, similar).andExpect(status().isCreated())
                .andExpect(jsonPath("$.id", not(firstId)));
    }

    private static String sameBirthDate(String id) {
        String first17 = id.substring(0, 14) + String.format("%03d", (Integer.parseInt(id.substring(14, 17)) + 2) % 1000);
        return first17 + Gb11643.checkCharacter(first17);
    }

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = PersonFixtures.resident(PersonFixtures.idNumber(), "张三", community);
        body.put(field, value);
        return body;
    }

    private void expectProblem(Map<String, Object> body, int status, String field, String code) throws Exception {
        register(tianhe, body).andExpect(status().is(status))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(code))
                .andExpect(jsonPath("$.errors[0].message").isString());
    }

    private ResultActions register(String token, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/v1/persons").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(PersonFixtures.json(body)));
    }

    /** Residents of the test streets (900–999), so that other data (e.g. a demo city) cannot disturb the count. */
    private long persons() {
        return jdbc.sql(PersonFixtures.COUNT_IN_TEST_STREETS).query(Long.class).single();
    }
}
