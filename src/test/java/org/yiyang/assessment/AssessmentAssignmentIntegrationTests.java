package org.yiyang.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiyang.person.Gb11643;
import org.yiyang.person.ProviderClients;
import org.yiyang.region.RegionLevel;
import org.yiyang.region.Regions;
import org.yiyang.shared.NotFound;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.QualifiedAssessors;
import org.yiyang.testsupport.TestUsers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agencies and qualified assessors, 回避 at assignment, the visit as evidence before submission, Appendix A stored
 * encrypted and shown on the report, the LTC 2021 grade entered by the assessors, and immediate reassessments.
 */
@IntegrationTest
@org.springframework.test.context.event.RecordApplicationEvents
class AssessmentAssignmentIntegrationTests {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(400, 800));

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Regions regions;
    @Autowired JdbcClient jdbc;
    @Autowired QualifiedAssessors qualified;
    @Autowired ProviderClients providerClients;
    @Autowired ImmediateReassessments immediate;
    @Autowired AssessmentRequests requests;
    @Autowired org.springframework.test.context.event.ApplicationEvents events;

    String officer;
    String haizhuOfficer;
    UUID agency;
    String[] tokens = new String[2];
    UUID[] ids = new UUID[2];
    UUID personId;

    @BeforeEach
    void setUp() throws Exception {
        String street = "440106" + (900 + ThreadLocalRandom.current().nextInt(99)) + "000"; // never 999
        String community = street.substring(0, 9) + "204";
        regions.upsert(List.of(
                new Regions.NewRegion(street, "440106000000", RegionLevel.STREET_TOWN, "回避测试街道", false),
                new Regions.NewRegion(community, street, RegionLevel.COMMUNITY_VILLAGE, "回避测试社区", false)));
        officerName = users.create(Role.DISTRICT_OFFICER, "440106000000");
        officer = Api.bearer(mvc, officerName, TestUsers.PASSWORD);
        haizhuOfficer = Api.bearer(mvc, users.create(Role.DISTRICT_OFFICER, "440105000000"), TestUsers.PASSWORD);
        String body = call(post("/api/v1/assessment-agencies"), officer, Map.of("name", "天河评估中心",
                "creditCode", QualifiedAssessors.creditCode(), "regionCode", "440106000000"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        agency = UUID.fromString(JsonPath.read(body, "$.id"));
        for (int i = 0; i < 2; i++) {
            String name = users.create(Role.ASSESSOR, "440106000000");
            tokens[i] = Api.bearer(mvc, name, TestUsers.PASSWORD);
            ids[i] = qualified.userId(name);
            registerAssessor(ids[i], today().minusYears(1), today().plusYears(2), null, List.of())
                    .andExpect(status().isOk());
        }
        personId = registerPerson(community);
    }

    // --- agencies and qualifications ---

    @Test
    void registersAnAgencyAndItsAssessorsWithinTheJurisdictionOnly() throws Exception {
        mvc.perform(get("/api/v1/assessment-agencies/" + agency).header("Authorization", officer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.assessors", hasSize(2)))
                .andExpect(jsonPath("$.assessors[*].userId", containsInAnyOrder(ids[0].toString(), ids[1].toString())));
        mvc.perform(get("/api/v1/assessment-agencies/" + agency).header("Authorization", haizhuOfficer))
                .andExpect(status().isNotFound());
        call(put("/api/v1/assessment-agencies/" + agency + "/assessors/" + UUID.randomUUID()), haizhuOfficer,
                Map.of("certificateNo", "X", "qualifiedFrom", "2026-01-01", "qualifiedTo", "2027-01-01"))
                .andExpect(status().isNotFound());
        // every problem at once, nothing stored
        call(post("/api/v1/assessment-agencies"), officer, Map.of("name", " ", "creditCode", "91440106ABC",
                "regionCode", "440105000000"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].code", containsInAnyOrder("REQUIRED", "INVALID_CREDIT_CODE",
                        "OUTSIDE_JURISDICTION")));
        UUID user = UUID.randomUUID();
        registerAssessor(user, today(), today().minusDays(1), null, List.of())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("PERIOD_ENDS_BEFORE_IT_STARTS"));
        assertThat(jdbc.sql("select count(*) from assessment_assessor where user_id = :u").param("u", user)
                .query(Long.class).single()).isZero();
    }

    @Test
    void assignsOnlyAnAgencyAndTwoOfItsAssessorsQualifiedToday() throws Exception {
        UUID id = request();
        assign(id, null, List.of(ids[0], ids[1]), List.of()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("agencyId"))
                .andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
        UUID stranger = qualified.userId(users.create(Role.ASSESSOR, "440106000000")); // not registered anywhere
        assign(id, agency, List.of(ids[0], stranger), List.of()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("assessors[1]"))
                .andExpect(jsonPath("$.errors[0].code").value("ASSESSOR_NOT_OF_AGENCY"));
        // the qualification ended yesterday: not valid today
        registerAssessor(ids[1], today().minusYears(3), today().minusDays(1), null, List.of())
                .andExpect(status().isOk());
        assign(id, agency, List.of(ids[0], ids[1]), List.of()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("ASSESSOR_NOT_QUALIFIED"));
        // valid from tomorrow only: not yet
        registerAssessor(ids[1], today().plusDays(1), today().plusYears(1), null, List.of())
                .andExpect(status().isOk());
        assign(id, agency, List.of(ids[0], ids[1]), List.of()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("ASSESSOR_NOT_QUALIFIED"));
        // an agency of another district does not serve this elder
        UUID haizhuAgency = qualified.agency("440105000000");
        assign(id, haizhuAgency, List.of(ids[0], ids[1]), List.of()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_AGENCY"));
        assertThat(statusOf(id)).isEqualTo("REQUESTED");                                     // nothing stored
        assertThat(refusals(id)).contains("REQUIRED", "ASSESSOR_NOT_OF_AGENCY", "ASSESSOR_NOT_QUALIFIED",
                "UNKNOWN_AGENCY");                                                          // each refusal audited

        registerAssessor(ids[1], today(), today(), null, List.of()).andExpect(status().isOk()); // valid today only
        assign(id, agency, List.of(ids[0], ids[1]), List.of()).andExpect(status().isOk())
                .andExpect(jsonPath("$.agencyId").value(agency.toString()))
                .andExpect(jsonPath("$.status").value("ASSIGNED"));
    }

    @Test
    void anAssessorMayNotAssessADeclaredRelative() throws Exception {
        registerAssessor(ids[1], today().minusYears(1), today().plusYears(1), null, List.of(personId))
                .andExpect(status().isOk());
        UUID id = request();
        assign(id, agency, List.of(ids[0], ids[1]), List.of()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("RECUSAL_RELATIVE"));
        assertThat(statusOf(id)).isEqualTo("REQUESTED");
        assertThat(refusals(id)).contains("RECUSAL_RELATIVE");
        UUID third = qualified.userId(qualified.assessor(agency, "440106000000"));
        assign(id, agency, List.of(ids[0], third), List.of()).andExpect(status().isOk());
    }

    @Test
    void anAssessorMayNotAssessAPersonServedByTheAssessorsEmployer() throws Exception {
        UUID provider = UUID.randomUUID();
        registerAssessor(ids[0], today().minusYears(1), today().plusYears(1), provider, List.of())
                .andExpect(status().isOk());
        UUID id = request();
        assign(id, agency, List.of(ids[0], ids[1]), List.of(UUID.randomUUID(), provider))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("RECUSAL_EMPLOYER_SERVES_PERSON"));
        assertThat(refusals(id)).contains("RECUSAL_EMPLOYER_SERVES_PERSON");
        assertThat(statusOf(id)).isEqualTo("REQUESTED");
        // a provider that does not employ either assessor is no ground
        assign(id, agency, List.of(ids[0], ids[1]), List.of(UUID.randomUUID())).andExpect(status().isOk());
    }

    @Test
    void anAssessorMayNotAssessAPersonTheirEmployerServesAsThePersonRecordsKnowIt() throws Exception {
        UUID provider = UUID.randomUUID();
        registerAssessor(ids[1], today().minusYears(1), today().plusYears(1), provider, List.of())
                .andExpect(status().isOk());
        UUID relation = UUID.randomUUID();
        providerClients.serve(new ProviderClients.ProviderClient("TEST_CARE", relation, provider, personId,
                today().minusDays(30), null));
        UUID id = request();
        // nothing declared with the assignment: the relation comes from the person module
        assign(id, agency, List.of(ids[0], ids[1]), List.of()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("RECUSAL_EMPLOYER_SERVES_PERSON"));
        assertThat(statusOf(id)).isEqualTo("REQUESTED");
        providerClients.end("TEST_CARE", relation, today().minusDays(1));
        assign(id, agency, List.of(ids[0], ids[1]), List.of()).andExpect(status().isOk());
    }

    // --- the visit ---

    @Test
    void aSubmissionNeedsTheVisitRecordedFirst() throws Exception {
        UUID id = requestAndAssign();
        call(post("/api/v1/assessments/" + id + "/submission"), tokens[0], Map.of("answers", AssessmentTestData.allMax()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("VISIT_NOT_RECORDED"));
        // every problem of a bad visit at once; nothing stored
        call(post("/api/v1/assessments/" + id + "/visit"), tokens[0], Map.of("at",
                Instant.now().plusSeconds(86_400).toString(), "place", "MOON",
                "present", List.of(Map.of("name", "", "role", "ELDER"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].code", containsInAnyOrder("IN_THE_FUTURE", "UNKNOWN_CODE",
                        "REQUIRED")));
        assertThat(jdbc.sql("select visited_at is null from assessment where id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
        Instant at = Instant.parse("2026-01-05T02:30:00Z");
        call(post("/api/v1/assessments/" + id + "/visit"), tokens[0], Map.of("at", at.toString(), "place", "HOME",
                "placeNote", "家中卧室", "present", List.of(Map.of("name", "李阿婆", "role", "ELDER"),
                        Map.of("name", "李女士", "role", "CHILD"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.visitedAt").value(at.toString()));
        byte[] stored = jdbc.sql("select visit_enc from assessment where id = :id").param("id", id)
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("李阿婆").doesNotContain("卧室");
        call(post("/api/v1/assessments/" + id + "/submission"), tokens[0], Map.of("answers", AssessmentTestData.allMax()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.finalLevel").value(0));
        assertThat(auditTypes(id)).contains("ASSESSMENT_VISIT_RECORDED");
    }

    // --- Appendix A ---

    @Test
    void storesAppendixAEncryptedWithTheSubmissionAndShowsItOnTheReport() throws Exception {
        UUID id = requestAndAssign();
        visit(id);
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("answers", AssessmentTestData.allMax());
        bad.put("appendix", Map.of("basic", Map.of("heightCm", 900, "education", "PHD", "shoeSize", 40),
                "health", Map.of("A.5.1", "STAGE_9")));
        call(post("/api/v1/assessments/" + id + "/submission"), tokens[0], bad)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("appendix.basic.heightCm",
                        "appendix.basic.education", "appendix.basic.shoeSize", "appendix.health.A.5.1")));
        assertThat(statusOf(id)).isEqualTo("ASSIGNED");                                      // nothing stored

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answers", AssessmentTestData.allMax());
        body.put("diagnoses", List.of("I10"));
        body.put("appendix", Map.of(
                "basic", Map.of("heightCm", 158, "weightKg", 52, "education", "PRIMARY",
                        "livingWith", List.of("SPOUSE")),
                "informant", Map.of("name", "王小明", "relation", "CHILD"),
                "medications", List.of(Map.of("name", "氨氯地平", "dose", "5mg", "frequency", "每日一次")),
                "health", Map.of("A.5.1", "STAGE_2", "A.5.4", List.of("URINARY_CATHETER"))));
        call(post("/api/v1/assessments/" + id + "/submission"), tokens[0], body).andExpect(status().isOk());
        byte[] stored = jdbc.sql("select answers_enc from assessment where id = :id").param("id", id)
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("王小明").doesNotContain("氨氯地平")
                .doesNotContain("STAGE_2");

        var session = login(officerName);
        String report = mvc.perform(get("/assessments/" + id).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(report).contains("id=\"a2-heightCm\">158<").contains("id=\"a2-education\">小学<")
                .contains("id=\"a3-name\">王小明<").contains("id=\"a3-relation\">子女<")
                .contains("id=\"a5-A.5.1\">Ⅱ期<").contains("id=\"a5-A.5.4\">尿管<").contains("氨氯地平")
                .contains("id=\"a4-diagnoses\"").contains("I10")
                .contains("id=\"visit-present\"").contains("评估对象")
                .contains("C.2 总分").contains("id=\"report-total\">90<")                 // all items at their maximum
                .contains("C.3 老年人能力初步等级").contains("C.5 老年人能力最终等级")
                .contains("id=\"report-rule-COMA\"").contains("☐");                       // no C.4 rule applied
    }

    // --- the 2021 LTC scale ---

    @Test
    void recordsTheItemsAndTheGradeTheAssessorsEnterForTheLtc2021Scale() throws Exception {
        UUID id = request(Map.of("personId", personId, "reason", "FIRST", "instrument", "LTC2021"));
        assign(id, agency, List.of(ids[0], ids[1]), List.of()).andExpect(status().isOk());
        // a programme asking for the care-needs assessment does not join an open LTC 2021 grading
        var asked = requests.request(personId, officerActor());
        assertThat(asked.assessmentId()).isNotEqualTo(id);
        visit(id);
        Map<String, Integer> items = ltcItemsAtMaximum();
        call(post("/api/v1/assessments/" + id + "/submission"), tokens[0], Map.of("answers", items))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("GRADE_REQUIRED"));
        call(post("/api/v1/assessments/" + id + "/submission"), tokens[0], Map.of("answers", items,
                "enteredGrade", 6)).andExpect(status().isUnprocessableContent());               // levels run 0–5
        call(post("/api/v1/assessments/" + id + "/submission"), tokens[0], Map.of("answers", items,
                "enteredGrade", 1))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(128))     // ADL 100 + cognition 16 + perception 12
                .andExpect(jsonPath("$.enteredGrade").value(1));
        call(post("/api/v1/assessments/" + id + "/signatures"), tokens[0], null).andExpect(status().isOk());
        call(post("/api/v1/assessments/" + id + "/signatures"), tokens[1], null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EFFECTIVE")).andExpect(jsonPath("$.enteredGrade").value(1))
                .andExpect(jsonPath("$.finalLevel").doesNotExist());
        // an LTC grade is not a GB/T 42195 care level: not announced, and CareNeeds.current does not read it
        assertThat(events.stream(AssessmentCompleted.class)).noneMatch(e -> e.assessmentId().equals(id));
        assertThat(jdbc.sql("select count(*) from care_needs_result where person_id = :p").param("p", personId)
                .query(Long.class).single()).isZero();
    }

    // --- immediate reassessment ---

    @Test
    void anImmediateRequestNamesItsCauseAndOtherModulesJoinAnOpenOne() throws Exception {
        call(post("/api/v1/assessments"), officer, Map.of("personId", personId, "reason", "IMMEDIATE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("IMMEDIATE_NEEDS_CAUSE"));
        call(post("/api/v1/assessments"), officer, Map.of("personId", personId, "reason", "FIRST",
                "cause", "REPEATED_FALLS")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("CAUSE_ONLY_FOR_IMMEDIATE"));
        assertThatThrownBy(() -> immediate.requestBySystem(personId, ImmediateCause.REPEATED_FALLS, "homecare.test"))
                .isInstanceOf(NotFound.class);                                            // never assessed before

        UUID id = request(Map.of("personId", personId, "reason", "IMMEDIATE", "cause", "REPEATED_FALLS"));
        mvc.perform(get("/api/v1/assessments/" + id).header("Authorization", officer))
                .andExpect(jsonPath("$.reason").value("IMMEDIATE"))
                .andExpect(jsonPath("$.immediateCause").value("REPEATED_FALLS"));
        // a second ask from another module joins the open request instead of duplicating it
        assertThat(immediate.requestBySystem(personId, ImmediateCause.REPEATED_FALLS, "homecare.test")).isEqualTo(id);
        assertThat(jdbc.sql("select count(*) from assessment where person_id = :p").param("p", personId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anotherModuleRequestsAnImmediateReassessmentOfAnAssessedPerson() throws Exception {
        UUID first = requestAndAssign();
        visit(first);
        call(post("/api/v1/assessments/" + first + "/submission"), tokens[0], Map.of("answers", AssessmentTestData.allMax()))
                .andExpect(status().isOk());
        call(post("/api/v1/assessments/" + first + "/signatures"), tokens[0], null).andExpect(status().isOk());
        call(post("/api/v1/assessments/" + first + "/signatures"), tokens[1], null).andExpect(status().isOk());

        UUID id = immediate.requestBySystem(personId, ImmediateCause.REPEATED_FALLS, "homecare.fall-alerts");
        assertThat(id).isNotEqualTo(first);
        assertThat(jdbc.sql("select reason || ' ' || immediate_cause || ' ' || status || ' ' || (requested_by is null)"
                + " from assessment where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("IMMEDIATE REPEATED_FALLS REQUESTED true");
        mvc.perform(get("/api/v1/assessments/" + id).header("Authorization", officer)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/assessments/" + id).header("Authorization", haizhuOfficer))
                .andExpect(status().isNotFound());                                        // same residence as before
    }

    // --- helpers ---

    String officerName;

    private Map<String, Integer> ltcItemsAtMaximum() {
        Map<String, Integer> items = new LinkedHashMap<>();
        // ADL.1–ADL.10 maxima from spec §9.2: 10 10 5 10 10 10 15 15 10 5 = 100
        int[] adl = {10, 10, 5, 10, 10, 10, 15, 15, 10, 5};
        for (int i = 0; i < adl.length; i++) {
            items.put("ADL." + (i + 1), adl[i]);
        }
        for (int i = 1; i <= 4; i++) {
            items.put("COG." + i, 4);                                                       // 4 × 4 = 16
        }
        for (int i = 1; i <= 3; i++) {
            items.put("PER." + i, 4);                                                       // 3 × 4 = 12
        }
        return items;
    }

    private void visit(UUID id) throws Exception {
        call(post("/api/v1/assessments/" + id + "/visit"), tokens[0], Map.of("at",
                Instant.now().minusSeconds(3600).toString(), "place", "HOME",
                "present", List.of(Map.of("name", "评估对象", "role", "ELDER")))).andExpect(status().isOk());
    }

    private UUID requestAndAssign() throws Exception {
        UUID id = request();
        assign(id, agency, List.of(ids[0], ids[1]), List.of()).andExpect(status().isOk());
        return id;
    }

    private UUID request() throws Exception {
        return request(Map.of("personId", personId, "reason", "FIRST"));
    }

    private UUID request(Map<String, Object> body) throws Exception {
        String response = call(post("/api/v1/assessments"), officer, body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(response, "$.id"));
    }

    private ResultActions assign(UUID id, UUID agencyId, List<UUID> assessors, List<UUID> serving) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyId", agencyId);
        body.put("assessors", assessors);
        body.put("servingProviders", serving);
        return call(post("/api/v1/assessments/" + id + "/assignment"), officer, body);
    }

    private ResultActions registerAssessor(UUID user, LocalDate from, LocalDate to, UUID employer,
                                           List<UUID> relatives) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificateNo", "PG-" + user.toString().substring(0, 6));
        body.put("qualifiedFrom", from.toString());
        body.put("qualifiedTo", to.toString());
        body.put("employerProviderId", employer);
        body.put("relatives", relatives);
        return call(put("/api/v1/assessment-agencies/" + agency + "/assessors/" + user), officer, body);
    }

    private String statusOf(UUID id) {
        return jdbc.sql("select status from assessment where id = :id").param("id", id).query(String.class).single();
    }

    private List<String> refusals(UUID id) {
        return jdbc.sql("select reason_code from audit_event where event_type = 'ASSESSMENT_ASSIGNMENT_REFUSED'"
                + " and object_id = :id").param("id", id.toString()).query(String.class).list();
    }

    private List<String> auditTypes(UUID id) {
        return jdbc.sql("select event_type from audit_event where object_type = 'assessment' and object_id = :id")
                .param("id", id.toString()).query(String.class).list();
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String token, Object body) throws Exception {
        request.header("Authorization", token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    private org.springframework.mock.web.MockHttpSession login(String username) throws Exception {
        return (org.springframework.mock.web.MockHttpSession) mvc.perform(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
                                .formLogin("/login").user(username).password(TestUsers.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);
    }

    private org.yiyang.shared.Actor officerActor() {
        return new org.yiyang.shared.Actor(qualified.userId(officerName), officerName,
                java.util.Set.of(Role.DISTRICT_OFFICER), "440106000000", regions.pathOf("440106000000").orElseThrow(),
                null);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private UUID registerPerson(String community) throws Exception {
        int n = SEQUENCE.getAndIncrement();
        String first17 = "440106" + LocalDate.of(1946, 1, 1).plusDays(n).toString().replace("-", "")
                + String.format("%03d", (n * 7 + ThreadLocalRandom.current().nextInt(100)) % 1000);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idNumber", first17 + Gb11643.checkCharacter(first17));
        body.put("name", "回避测" + (char) ('甲' + n % 10));
        body.put("phone", "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        body.put("hukouRegion", "440106000000");
        body.put("residenceRegion", community);
        body.put("address", "天河路4号");
        body.put("livingArrangement", "ALONE");
        body.put("confirmedNotDuplicate", true);
        String response = call(post("/api/v1/persons"), officer, body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(response, "$.id"));
    }
}
