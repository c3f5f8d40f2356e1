package org.yiyang.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
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
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/**
 * The CITIZEN scope matrix (ADR 0008): a citizen linked to themselves with authorities that are valid, expired,
 * withdrawn and not yet valid reaches exactly themselves and the valid one; every other person answers 404; lists
 * hold only in-scope rows; staff endpoints answer 403; the elder's page in both languages.
 */
@IntegrationTest
class CitizenScopeIntegrationTests {
    static final String TIANHE = "440106000000";
    static final String HAIZHU = "440105000000";
    static final String COMMUNITY = "440106001001";
    static final String COMMUNITY_PATH = "440100000000.440106000000.440106001000.440106001001";
    static final String PASSWORD = "a long citizen passphrase 2026";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired ResidentBulkWriter writer;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    String staff;
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    Map<UUID, String> idNumbers = new java.util.HashMap<>();

    @BeforeEach
    void streetWorker() throws Exception {
        staff = Api.bearer(mvc, users.create(Role.STREET_WORKER, TIANHE), TestUsers.PASSWORD);
    }

    /** A citizen linked to {@code self} with the authorities; returns [account id, user name]. */
    private String[] citizen(UUID self) throws Exception {
        String username = "citizen-" + UUID.randomUUID().toString().substring(0, 8);
        String body = mvc.perform(post("/api/v1/citizens").header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\","
                                + "\"displayName\":\"陈家\"" + (self == null ? "" : ",\"personId\":\"" + self + "\"")
                                + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new String[] {JsonPath.read(body, "$.id"), username};
    }

    private ResultActions grant(String account, UUID person, LocalDate from, LocalDate to) throws Exception {
        return grant(account, person, "AGENT", from, to);
    }

    private ResultActions grant(String account, UUID person, String relation, LocalDate from, LocalDate to)
            throws Exception {
        return mvc.perform(post("/api/v1/citizens/{id}/authorities", account).header("Authorization", staff)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"personId\":\"" + person + "\",\"relation\":\"" + relation + "\",\"givenBy\":\"SELF\","
                        + "\"proofType\":\"POWER_OF_ATTORNEY\","
                        + "\"proofRef\":\"TH-AUTH-" + person.toString().substring(0, 6) + "\",\"validFrom\":\"" + from
                        + "\",\"validTo\":\"" + to + "\"}"));
    }

    @Test
    void aCitizenReachesThemselvesAndTheValidAuthorityOnlyAndEveryoneElseIs404() throws Exception {
        UUID self = resident("本人");
        UUID valid = resident("有效授权");
        UUID expired = resident("过期授权");
        UUID withdrawn = resident("撤回授权");
        UUID future = resident("未生效授权");
        UUID stranger = resident("无关居民");
        UUID haizhu = jdbc.sql("select id from person where residence_path <@ '440100000000.440105000000'"
                + " and death_date is null order by id limit 1").query(UUID.class).single();
        String[] account = citizen(self);

        grant(account[0], valid, today.minusDays(10), today.plusDays(100)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.inForce").value(true)).andExpect(jsonPath("$.scope").value("AGENT"));
        grant(account[0], expired, today.minusDays(100), today.minusDays(1)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.inForce").value(false));
        String revoked = JsonPath.read(grant(account[0], withdrawn, today.minusDays(5), today.plusDays(30))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        grant(account[0], future, today.plusDays(5), today.plusDays(30)).andExpect(status().isCreated());

        String citizen = Api.bearer(mvc, account[1], PASSWORD);
        // in force until revoked, and the revocation takes effect at once
        mvc.perform(get("/api/v1/my/persons/{id}", withdrawn).header("Authorization", citizen))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/citizens/{id}/authorities/{a}/revoke", account[0], revoked)
                .header("Authorization", staff)).andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/my/persons").header("Authorization", citizen))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].person.id").value(containsInAnyOrder(self.toString(), valid.toString())))
                .andExpect(jsonPath("$[0].self").value(true))
                .andExpect(jsonPath("$[0].person.idNumberMasked").value(org.hamcrest.Matchers.containsString("*")));
        for (UUID inScope : List.of(self, valid)) {
            mvc.perform(get("/api/v1/my/persons/{id}", inScope).header("Authorization", citizen))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.person.person.id").value(inScope.toString()))
                    .andExpect(jsonPath("$.eligibility.items[?(@.item == 'TEKUN_INSTITUTION_ADMISSION')].eligible")
                            .value(org.hamcrest.Matchers.contains(true)))
                    .andExpect(jsonPath("$.careLevel").doesNotExist());
        }
        for (UUID outside : List.of(expired, withdrawn, future, stranger, haizhu, UUID.randomUUID())) {
            mvc.perform(get("/api/v1/my/persons/{id}", outside).header("Authorization", citizen))
                    .andExpect(status().isNotFound());
        }
        // the staff endpoints of residents, applications, eligibility and citizens are not the citizen's
        for (String path : List.of("/api/v1/persons/" + self, "/api/v1/persons", "/api/v1/persons/" + self
                        + "/eligibility", "/api/v1/persons/" + self + "/consents", "/api/v1/applications",
                "/api/v1/citizens", "/api/v1/citizens/" + account[0], "/api/v1/service-lists")) {
            mvc.perform(get(path).header("Authorization", citizen)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/v1/eligibility/evaluate").header("Authorization", citizen)
                .contentType(MediaType.APPLICATION_JSON).content("{\"person\":{\"birthDate\":\"1940-01-01\"}}"))
                .andExpect(status().isForbidden());
        // and a citizen's endpoints are not staff's
        mvc.perform(get("/api/v1/my/persons").header("Authorization", staff)).andExpect(status().isForbidden());

        // the staff view of the account: its link and all four authorities, one in force
        mvc.perform(get("/api/v1/citizens/{id}", account[0]).header("Authorization", staff))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.personId").value(self.toString()))
                .andExpect(jsonPath("$.authorities.length()").value(4))
                .andExpect(jsonPath("$.authorities[?(@.inForce == true)].personId")
                        .value(org.hamcrest.Matchers.contains(valid.toString())));
    }

    @Test
    void staffReachCitizenAccountsAndPersonsOnlyWithinTheirJurisdiction() throws Exception {
        UUID self = resident("辖区测试");
        String[] account = citizen(null);
        String haizhu = Api.bearer(mvc, users.create(Role.DISTRICT_OFFICER, HAIZHU), TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/citizens/{id}", account[0]).header("Authorization", haizhu))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/citizens/{id}/authorities", account[0]).header("Authorization", haizhu)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"personId\":\"" + self + "\"}"))
                .andExpect(status().isNotFound());
        String list = mvc.perform(get("/api/v1/citizens").param("size", "100").header("Authorization", haizhu))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(list, "$.items[*].id")).doesNotContain(account[0]);
        assertThat((List<String>) JsonPath.read(list, "$.items[*].jurisdictionCode"))
                .allMatch(code -> code.startsWith("440105"));
        // a Haizhu person cannot be authorised by a Tianhe street worker, nor linked
        UUID haizhuPerson = jdbc.sql("select id from person where residence_path <@ '440100000000.440105000000'"
                + " order by id limit 1").query(UUID.class).single();
        grant(account[0], haizhuPerson, today, today.plusDays(10)).andExpect(status().isNotFound());
        // every problem at once, nothing stored
        mvc.perform(post("/api/v1/citizens/{id}/authorities", account[0]).header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":\"" + self + "\",\"givenBy\":\"AGENT\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("relation", "proofType",
                        "proofRef", "agentName", "validTo")));
        mvc.perform(post("/api/v1/citizens").header("Authorization", staff).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"short-pw-" + UUID.randomUUID().toString().substring(0, 6)
                                + "\",\"password\":\"short\"}"))
                .andExpect(status().isUnprocessableContent());
        // a person already linked to an account cannot be linked again
        citizen(self);
        mvc.perform(post("/api/v1/citizens").header("Authorization", staff).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"again-" + UUID.randomUUID().toString().substring(0, 6)
                                + "\",\"password\":\"" + PASSWORD + "\",\"personId\":\"" + self + "\"}"))
                .andExpect(status().isConflict());
        // an assessor or a city officer does not register citizens
        String assessor = Api.bearer(mvc, users.create(Role.ASSESSOR, TIANHE), TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/citizens").header("Authorization", assessor)).andExpect(status().isForbidden());
    }

    @Test
    void theApplicationsOfAPersonInScopeShowTheirStatusAndDueDate() throws Exception {
        UUID self = resident("申请本人");
        UUID other = resident("申请他人");
        String[] account = citizen(self);
        for (UUID person : List.of(self, other)) {
            mvc.perform(post("/api/v1/applications").header("Authorization", staff)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"personId\":\"" + person + "\",\"channel\":\"STREET_OFFICE\","
                                    + "\"items\":[\"REGULAR_VISITS\"]}"))
                    .andExpect(status().isCreated());
        }
        String citizen = Api.bearer(mvc, account[1], PASSWORD);
        mvc.perform(get("/api/v1/my/persons/{id}", self).header("Authorization", citizen))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applications.length()").value(1))
                .andExpect(jsonPath("$.applications[0].status").value("FIRST_CHECK"))
                .andExpect(jsonPath("$.applications[0].dueOn").isString())
                .andExpect(jsonPath("$.applications[0].items[0].item").value("REGULAR_VISITS"));
        mvc.perform(get("/api/v1/my/persons/{id}", other).header("Authorization", citizen))
                .andExpect(status().isNotFound());
    }

    @Test
    void theEldersPageShowsEntitlementsInPlainLanguageInBothLanguagesAndMasked() throws Exception {
        UUID self = resident("页面本人");
        UUID mother = resident("页面母亲");
        String[] account = citizen(self);
        grant(account[0], mother, "FAMILY", today.minusDays(1), today.plusDays(365))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.relation").value("FAMILY"));
        jdbc.sql("update user_account set must_change_password = false where id = cast(:id as uuid)")
                .param("id", account[0]).update();
        MockHttpSession session = Api.login(mvc, account[1], PASSWORD);
        mvc.perform(get("/").session(session)).andExpect(status().is3xxRedirection());
        String zh = mvc.perform(get("/my").session(session).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("我的养老服务", "本人：页面本人", "代为办理：页面母亲", "家属代办", "您可以享受",
                "需要先做照护需求评估", "目前没有有效的照护需求评估结果", "暂无申请", "POWER_OF_ATTORNEY");
        String en = mvc.perform(get("/my").session(session).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("My elderly care services", "You: 页面本人", "Acting for 页面母亲", "As a family member",
                "You are entitled to", "a care needs assessment is needed first", "No applications yet.");
        for (String page : List.of(zh, en)) {
            assertThat(page).doesNotContain(idNumbers.get(self), idNumbers.get(mother));
        }
        // applying online from the page, acting for the mother as her family (ONLINE_FAMILY); an empty choice is
        // refused with the reason
        assertThat(zh).contains("id=\"apply-1\"", "网上申请");
        mvc.perform(post("/my/persons/{id}/applications", mother).session(session).with(csrf())
                .param("items", "REGULAR_VISITS")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select channel from application where person_id = :p").param("p", mother)
                .query(String.class).single()).isEqualTo("ONLINE_FAMILY");
        String refused = mvc.perform(post("/my/persons/{id}/applications", mother).session(session).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("field-error");
        MockHttpSession worker = Api.login(mvc, users.create(Role.STREET_WORKER, TIANHE), TestUsers.PASSWORD);
        mvc.perform(get("/my").session(worker)).andExpect(status().isForbidden());
    }

    @Test
    void aCitizenAppliesOnlineForThemselvesAndForWhoeverAuthorisedThem() throws Exception {
        UUID self = resident("网上申请本人");
        UUID authorising = resident("网上申请授权人");
        UUID stranger = resident("网上申请无关");
        String[] account = citizen(self);
        grant(account[0], authorising, today.minusDays(1), today.plusDays(60)).andExpect(status().isCreated());
        String citizen = Api.bearer(mvc, account[1], PASSWORD);

        String own = apply(citizen, self, "[\"REGULAR_VISITS\"]").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String forOther = apply(citizen, authorising, "[\"REGULAR_VISITS\", \"MEAL_DINER_SUBSIDY\"]")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(channelAndStatus(JsonPath.read(own, "$.id"))).isEqualTo("ONLINE_SELF FIRST_CHECK");
        assertThat(channelAndStatus(JsonPath.read(forOther, "$.id"))).isEqualTo("ONLINE_AGENT FIRST_CHECK");
        // the street office takes it from there, in its own worklist
        mvc.perform(get("/api/v1/applications/{id}", (String) JsonPath.read(own, "$.id")).header("Authorization", staff))
                .andExpect(status().isOk()).andExpect(jsonPath("$.channel").value("ONLINE_SELF"));
        mvc.perform(get("/api/v1/my/persons/{id}", self).header("Authorization", citizen))
                .andExpect(jsonPath("$.applications[0].status").value("FIRST_CHECK"));

        apply(citizen, stranger, "[\"REGULAR_VISITS\"]").andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from application where person_id = :p").param("p", stranger)
                .query(Long.class).single()).isZero();
        apply(citizen, self, "[\"NO_SUCH_ITEM\", \"REGULAR_VISITS\"]").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("items[0]"));
        apply(citizen, self, "[\"REGULAR_VISITS\"]").andExpect(status().isConflict());
        apply(staff, self, "[\"REGULAR_VISITS\"]").andExpect(status().isForbidden());
    }

    private ResultActions apply(String token, UUID person, String items) throws Exception {
        return mvc.perform(post("/api/v1/my/persons/{id}/applications", person).header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"items\": " + items + "}"));
    }

    private String channelAndStatus(String applicationId) {
        return jdbc.sql("select channel || ' ' || status from application where id = cast(:id as uuid)")
                .param("id", applicationId).query(String.class).single();
    }

    private UUID resident(String name) {
        UUID id = UUID.randomUUID();
        LocalDate birth = LocalDate.of(1930 + (int) (Math.random() * 15), 3, 1 + (int) (Math.random() * 27));
        String first17 = "440106" + birth.toString().replace("-", "")
                + String.format("%03d", (int) (Math.random() * 1000));
        String idNumber = first17 + Gb11643.checkCharacter(first17);
        idNumbers.put(id, idNumber);
        var record = new ResidentRecord(id, ResidentIdNumber.parse(idNumber), name, null, COMMUNITY, COMMUNITY,
                COMMUNITY_PATH, null, LivingArrangement.ALONE, null,
                List.of(new TagPeriod(PersonTag.TEKUN_SCATTERED, LocalDate.of(2025, 1, 1), null)), false);
        transactions.executeWithoutResult(s -> writer.write(List.of(record)));
        return id;
    }
}
