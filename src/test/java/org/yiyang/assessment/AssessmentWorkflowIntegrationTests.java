package org.yiyang.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyang.assessment.internal.Assessments;
import org.yiyang.person.Gb11643;
import org.yiyang.region.RegionLevel;
import org.yiyang.region.Regions;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.QualifiedAssessors;
import org.yiyang.testsupport.TestUsers;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
@RecordApplicationEvents
class AssessmentWorkflowIntegrationTests {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 400));

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Regions regions;
    @Autowired JdbcClient jdbc;
    @Autowired CareNeeds careNeeds;
    @Autowired Assessments assessments;
    @Autowired ApplicationEvents events;
    @Autowired QualifiedAssessors qualified;

    String officer;
    String otherDistrict;
    String[] assessorTokens = new String[4];
    UUID[] assessorIds = new UUID[4];
    UUID personId;
    UUID agency;

    @BeforeEach
    void setUp() throws Exception {
        String street = "440106" + (900 + ThreadLocalRandom.current().nextInt(99)) // never 999: FacilityApiIntegrationTests needs 440106999000 unknown
                + "000";
        String community = street.substring(0, 9) + "201";
        regions.upsert(List.of(
                new Regions.NewRegion(street, "440106000000", RegionLevel.STREET_TOWN, "评估测试街道", false),
                new Regions.NewRegion(community, street, RegionLevel.COMMUNITY_VILLAGE, "评估测试社区", false)));
        officer = Api.bearer(mvc, users.create(Role.DISTRICT_OFFICER, "440106000000"), TestUsers.PASSWORD);
        otherDistrict = Api.bearer(mvc, users.create(Role.DISTRICT_OFFICER, "440105000000"), TestUsers.PASSWORD);
        agency = qualified.agency("440106000000");
        for (int i = 0; i < 4; i++) {
            String name = qualified.assessor(agency, "440106000000");
            assessorTokens[i] = Api.bearer(mvc, name, TestUsers.PASSWORD);
            assessorIds[i] = jdbc.sql("select id from user_account where username = :u").param("u", name)
                    .query(UUID.class).single();
        }
        personId = registerPerson(community);
    }

    @Test
    void twoSignaturesMakeTheServerScoredResultEffectiveAndCurrent() throws Exception {
        UUID id = requestAndAssign("FIRST", null, 0, 1);
        Map<String, Object> partial = answers(Map.of("B.1.1", 4, "B.4.5", 3));
        call(put("/api/v1/assessments/" + id + "/draft"), assessorTokens[0], partial)
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(7))
                .andExpect(jsonPath("$.finalLevel").doesNotExist());
        Map<String, Object> complete = answers(AssessmentTestData.sixtyFive());
        complete.put("diagnoses", List.of("F01.1"));
        visit(id, 1);
        call(post("/api/v1/assessments/" + id + "/submission"), assessorTokens[1], complete)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(65))           // 90 − 24 − 1
                .andExpect(jsonPath("$.finalLevel").value(3));      // band 2, dementia +1

        // answers are stored only encrypted
        byte[] stored = jdbc.sql("select answers_enc from assessment where id = :id").param("id", id)
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("F01").doesNotContain("B.1.1");

        call(post("/api/v1/assessments/" + id + "/signatures"), assessorTokens[0], null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        call(post("/api/v1/assessments/" + id + "/signatures"), assessorTokens[0], null)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ALREADY_SIGNED"));
        assertThat(careNeeds.current(personId, today())).isEmpty();
        call(post("/api/v1/assessments/" + id + "/signatures"), assessorTokens[2], null)
                .andExpect(status().isForbidden());                  // not an assigned assessor
        call(post("/api/v1/assessments/" + id + "/signatures"), assessorTokens[1], null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("EFFECTIVE"))
                .andExpect(jsonPath("$.signedBy", hasSize(2)));

        var current = careNeeds.current(personId, today()).orElseThrow();
        assertThat(current.level()).isEqualTo(CareLevel.SEVERE);
        assertThat(current.assessmentId()).isEqualTo(id);
        assertThat(current.validFrom()).isEqualTo(today());
        assertThat(current.validTo()).isEqualTo(today().plusMonths(12).minusDays(1)); // validityMonths 12
        assertThat(events.stream(AssessmentCompleted.class))
                .contains(new AssessmentCompleted(id, personId));
        assertThat(auditTypes(id)).contains("ASSESSMENT_REQUESTED", "ASSESSMENT_ASSIGNED", "ASSESSMENT_SUBMITTED",
                "ASSESSMENT_SIGNED", "ASSESSMENT_EFFECTIVE");
    }

    @Test
    void aResultIsNotCurrentAfterItsLastValidDayAndExpires() throws Exception {
        UUID id = effective(0, 1);
        var current = careNeeds.current(personId, today()).orElseThrow();
        assertThat(careNeeds.current(personId, current.validTo())).isPresent();
        assertThat(careNeeds.current(personId, current.validTo().plusDays(1))).isEmpty();
        assertThat(careNeeds.current(personId, today().minusDays(1))).isEmpty();

        assertThat(assessments.expireBefore(current.validTo().plusDays(1))).isPositive();
        assertThat(jdbc.sql("select status from assessment where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("EXPIRED");
        assertThat(events.stream(AssessmentExpired.class)).contains(new AssessmentExpired(id, personId));
        assertThat(careNeeds.current(personId, today())).isPresent(); // still valid for days inside its period
    }

    @Test
    void aRoutineReassessmentIsRequested30DaysBeforeExpiryOnce() throws Exception {
        effective(0, 1);
        LocalDate validTo = careNeeds.current(personId, today()).orElseThrow().validTo();
        assessments.requestRoutineReassessments(validTo.minusDays(31));     // 31 days before: not yet
        assertThat(routineRequests()).isZero();
        assessments.requestRoutineReassessments(validTo.minusDays(30));     // reassessmentNoticeDays 30
        assertThat(routineRequests()).isEqualTo(1);
        assessments.requestRoutineReassessments(validTo.minusDays(29));     // an open request exists already
        assertThat(routineRequests()).isEqualTo(1);
    }

    @Test
    void showsAPersonsHistoryOnlyWithinTheJurisdiction() throws Exception {
        UUID id = effective(0, 1);
        mvc.perform(get("/api/v1/assessments").param("personId", personId.toString()).header("Authorization", officer))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(id.toString()))
                .andExpect(jsonPath("$[0].finalLevel").value(0));
        mvc.perform(get("/api/v1/assessments").param("personId", personId.toString())
                        .header("Authorization", otherDistrict))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
    }

    private int routineRequests() {
        return jdbc.sql("select count(*) from assessment where person_id = :p and reason = 'ROUTINE'"
                + " and status = 'REQUESTED' and requested_by is null").param("p", personId).query(Integer.class).single();
    }

    @Test
    void aReviewMustBeDoneByOtherAssessors() throws Exception {
        UUID original = effective(0, 1);
        UUID review = request("REVIEW", original);
        assign(review, 1, 2).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("REVIEWERS_MUST_DIFFER"));
        assign(review, 2, 3).andExpect(status().isOk()).andExpect(jsonPath("$.reviewOf").value(original.toString()));
        submitAllMax(review, 2);
        sign(review, 2);
        sign(review, 3);
        var current = careNeeds.current(personId, today()).orElseThrow();
        assertThat(current.assessmentId()).isEqualTo(review);                 // one current result per person
        assertThat(current.level()).isEqualTo(CareLevel.INTACT);              // 90 → level 0
    }

    @Test
    void anOverrideNeedsAReasonAndBothSignaturesAgainAndIsAudited() throws Exception {
        UUID id = requestAndAssign("FIRST", null, 0, 1);
        submitAllMax(id, 0);
        sign(id, 1);
        call(post("/api/v1/assessments/" + id + "/override"), assessorTokens[0], Map.of("level", 1))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("OVERRIDE_NEEDS_REASON"));
        call(post("/api/v1/assessments/" + id + "/override"), assessorTokens[0],
                Map.of("level", 1, "reason", "现场观察到明显行动困难"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.overridden").value(true))
                .andExpect(jsonPath("$.computedLevel").value(0)).andExpect(jsonPath("$.finalLevel").value(1))
                .andExpect(jsonPath("$.signedBy", hasSize(0)));              // the earlier signature no longer counts
        sign(id, 0);
        assertThat(careNeeds.current(personId, today())).isEmpty();         // the second signature is still missing
        sign(id, 1);
        assertThat(careNeeds.current(personId, today()).orElseThrow().level()).isEqualTo(CareLevel.MILD);
        assertThat(auditTypes(id)).contains("ASSESSMENT_LEVEL_OVERRIDDEN");
        String auditText = jdbc.sql("select string_agg(coalesce(reason, '') || coalesce(details::text, ''), ' ')"
                + " from audit_event where object_id = :id").param("id", id.toString()).query(String.class).single();
        assertThat(String.valueOf(auditText)).doesNotContain("行动困难");
    }

    @Test
    void usersOfAnotherDistrictGet404() throws Exception {
        UUID id = requestAndAssign("FIRST", null, 0, 1);
        mvc.perform(get("/api/v1/assessments/" + id).header("Authorization", otherDistrict))
                .andExpect(status().isNotFound());
        String outsider = Api.bearer(mvc, users.create(Role.ASSESSOR, "440105000000"), TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/assessments/" + id).header("Authorization", outsider))
                .andExpect(status().isNotFound());
        call(post("/api/v1/assessments"), otherDistrict, Map.of("personId", personId, "reason", "FIRST"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/assessments/" + id).header("Authorization", officer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ASSIGNED"));
        mvc.perform(get("/api/v1/assessments/worklist").header("Authorization", assessorTokens[0]))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + id + "')]", hasSize(1)));
    }

    @Test
    void anonymousCallersAreRefused() throws Exception {
        mvc.perform(get("/api/v1/assessments/" + UUID.randomUUID())).andExpect(status().isUnauthorized());
    }

    // --- helpers ---

    private UUID effective(int first, int second) throws Exception {
        UUID id = requestAndAssign("FIRST", null, first, second);
        submitAllMax(id, first);
        sign(id, first);
        sign(id, second);
        return id;
    }

    private UUID requestAndAssign(String reason, UUID reviewOf, int first, int second) throws Exception {
        UUID id = request(reason, reviewOf);
        assign(id, first, second).andExpect(status().isOk());
        return id;
    }

    private UUID request(String reason, UUID reviewOf) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personId", personId);
        body.put("reason", reason);
        if (reviewOf != null) {
            body.put("reviewOf", reviewOf);
        }
        String response = call(post("/api/v1/assessments"), officer, body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(response, "$.id"));
    }

    private ResultActions assign(UUID id, int first, int second) throws Exception {
        return call(post("/api/v1/assessments/" + id + "/assignment"), officer,
                Map.of("agencyId", agency, "assessors", List.of(assessorIds[first], assessorIds[second])));
    }

    /** The visit, recorded by one of the assessors: at home, an hour ago, the elder and both assessors present. */
    private void visit(UUID id, int assessor) throws Exception {
        call(post("/api/v1/assessments/" + id + "/visit"), assessorTokens[assessor], visitBody())
                .andExpect(status().isOk());
    }

    static Map<String, Object> visitBody() {
        return Map.of("at", java.time.Instant.now().minusSeconds(3600).toString(), "place", "HOME",
                "placeNote", "家中客厅", "present", List.of(Map.of("name", "评估对象", "role", "ELDER"),
                        Map.of("name", "评估员甲", "role", "ASSESSOR")));
    }

    private void submitAllMax(UUID id, int assessor) throws Exception {
        visit(id, assessor);
        call(post("/api/v1/assessments/" + id + "/submission"), assessorTokens[assessor],
                answers(AssessmentTestData.allMax())).andExpect(status().isOk());
    }

    private void sign(UUID id, int assessor) throws Exception {
        call(post("/api/v1/assessments/" + id + "/signatures"), assessorTokens[assessor], null)
                .andExpect(status().isOk());
    }

    private static Map<String, Object> answers(Map<String, Integer> answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answers", answers);
        return body;
    }

    private ResultActions call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                               String token, Object body) throws Exception {
        request.header("Authorization", token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    private List<String> auditTypes(UUID id) {
        return jdbc.sql("select event_type from audit_event where object_type = 'assessment' and object_id = :id")
                .param("id", id.toString()).query(String.class).list();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private UUID registerPerson(String community) throws Exception {
        int n = SEQUENCE.getAndIncrement();
        String first17 = "440106" + LocalDate.of(1945, 1, 1).plusDays(n).toString().replace("-", "")
                + String.format("%03d", (n * 7 + ThreadLocalRandom.current().nextInt(100)) % 1000);
        String idNumber = first17 + Gb11643.checkCharacter(first17);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idNumber", idNumber);
        body.put("name", "评估测" + (char) ('甲' + n % 10));
        body.put("phone", "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        body.put("hukouRegion", "440106000000");
        body.put("residenceRegion", community);
        body.put("address", "天河路1号");
        body.put("livingArrangement", "ALONE");
        body.put("confirmedNotDuplicate", true);
        String response = call(post("/api/v1/persons"), officer, body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(response, "$.id"));
    }
}
