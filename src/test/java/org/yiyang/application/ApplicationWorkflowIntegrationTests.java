package org.yiyang.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
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
import org.yiyang.application.internal.ApplicationWorkflow;
import org.yiyang.person.Gb11643;
import org.yiyang.region.RegionLevel;
import org.yiyang.region.Regions;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.Role;
import org.yiyang.shared.WorkingDayCalendar;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application workflow through the API: intake, first check, the shared assessment (requested, or reused when
 * valid), verification, decision with reasons and trace, notice, grants, review, escalation and 422s.
 */
@IntegrationTest
class ApplicationWorkflowIntegrationTests {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(400, 800));

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Regions regions;
    @Autowired JdbcClient jdbc;
    @Autowired WorkingDayCalendar calendar;
    @Autowired ApplicationWorkflow workflow;
    @Autowired Clock clock;

    String street;
    String district;
    String worker;
    String[] assessors = new String[2];
    UUID[] assessorIds = new UUID[2];
    UUID agency;
    @Autowired org.yiyang.testsupport.QualifiedAssessors qualified;
    UUID personId;

    @BeforeEach
    void setUp() throws Exception {
        String streetCode = "440106" + (900 + ThreadLocalRandom.current().nextInt(99)) + "000";
        String community = streetCode.substring(0, 9) + "201";
        regions.upsert(List.of(
                new Regions.NewRegion(streetCode, "440106000000", RegionLevel.STREET_TOWN, "申请测试街道", false),
                new Regions.NewRegion(community, streetCode, RegionLevel.COMMUNITY_VILLAGE, "申请测试社区", false)));
        district = Api.bearer(mvc, users.create(Role.DISTRICT_OFFICER, "440106000000"), TestUsers.PASSWORD);
        worker = Api.bearer(mvc, users.create(Role.STREET_WORKER, streetCode), TestUsers.PASSWORD);
        for (int i = 0; i < 2; i++) {
            if (agency == null) {
                agency = qualified.agency("440106000000");
            }
            String name = qualified.assessor(agency, "440106000000");
            assessors[i] = Api.bearer(mvc, name, TestUsers.PASSWORD);
            assessorIds[i] = jdbc.sql("select id from user_account where username = :u").param("u", name)
                    .query(UUID.class).single();
        }
        personId = registerPerson(community);
    }

    @Test
    void carriesAnApplicationFromIntakeThroughTheAssessmentToADecisionAndAReview() throws Exception {
        UUID id = submit("STREET_OFFICE", "COMMUNITY_SUBSIDY_1", "COMMUNITY_SUBSIDY_2");
        String due = calendar.deadline(today(), 5).due().toString();
        call(get("/api/v1/applications/" + id), worker, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FIRST_CHECK"))
                .andExpect(jsonPath("$.dueOn").value(due))
                .andExpect(jsonPath("$.steps[0].dueOn").value(due))
                .andExpect(jsonPath("$.checklist[*].code", hasItem("HUKOU_BOOKLET")))
                .andExpect(jsonPath("$.items[0].eligibleAtIntake").doesNotExist()); // no care-needs result yet
        call(get("/api/v1/applications/worklist"), worker, null)
                .andExpect(jsonPath("$[*].id", hasItem(id.toString())));

        String checked = call(post("/api/v1/applications/" + id + "/first-check"), worker, Map.of("passed", true))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WAITING_FOR_ASSESSMENT"))
                .andExpect(jsonPath("$.dueOn").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        UUID assessment = UUID.fromString(JsonPath.read(checked, "$.assessmentId"));
        assertThat(jdbc.sql("select status from assessment where id = :id").param("id", assessment)
                .query(String.class).single()).isEqualTo("REQUESTED");

        completeAssessment(assessment); // AssessmentCompleted moves the application on (asynchronously)
        awaitStatus(id, "VERIFICATION");
        String verificationDue = calendar.deadline(today(), 5).due().toString();
        call(get("/api/v1/applications/" + id), district, null)
                .andExpect(jsonPath("$.status").value("VERIFICATION"))
                .andExpect(jsonPath("$.assessmentReceivedOn").value(today().toString()))
                .andExpect(jsonPath("$.dueOn").value(verificationDue));
        call(get("/api/v1/applications/worklist"), district, null)
                .andExpect(jsonPath("$[*].id", hasItem(id.toString())));

        call(post("/api/v1/applications/" + id + "/verification"), district, Map.of("outcome", "CONFIRMED"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECISION"))
                .andExpect(jsonPath("$.dueOn").value(verificationDue));

        // the second class needs economic difficulty, which the registry cannot tell: it cannot be granted
        call(post("/api/v1/applications/" + id + "/decision"), district, decisions(
                Map.of("item", "COMMUNITY_SUBSIDY_1", "decision", "GRANTED"),
                Map.of("item", "COMMUNITY_SUBSIDY_2", "decision", "GRANTED")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("items[1].decision"))
                .andExpect(jsonPath("$.errors[0].code").value("NOT_ELIGIBLE_TODAY"));
        call(post("/api/v1/applications/" + id + "/decision"), district, decisions(
                Map.of("item", "COMMUNITY_SUBSIDY_1", "decision", "GRANTED"),
                Map.of("item", "COMMUNITY_SUBSIDY_2", "decision", "REJECTED", "reason", "家庭收入未经核对")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECIDED"))
                .andExpect(jsonPath("$.items[0].decision").value("GRANTED"))
                .andExpect(jsonPath("$.items[0].monthlyAmountFen").value(40000))
                .andExpect(jsonPath("$.items[0].trace[0].clause").exists())
                .andExpect(jsonPath("$.items[1].decision").value("REJECTED"))
                .andExpect(jsonPath("$.items[1].reason").value("家庭收入未经核对"))
                .andExpect(jsonPath("$.notice.reviewRequestBy").value(today().plusDays(60).toString()))
                .andExpect(jsonPath("$.notice.administrativeReviewBy").value(today().plusDays(60).toString()))
                .andExpect(jsonPath("$.notice.litigationBy").value(today().plusMonths(6).toString()))
                .andExpect(jsonPath("$.notice.litigationLocalDefault").value(true))
                .andExpect(jsonPath("$.grants[0].item").value("COMMUNITY_SUBSIDY_1"))
                .andExpect(jsonPath("$.grants[0].monthlyAmountFen").value(40000))
                .andExpect(jsonPath("$.grants[0].validFrom")
                        .value(today().withDayOfMonth(1).plusMonths(1).toString()));
        byte[] reason = jdbc.sql("select reason_enc from application_decision where application_id = :id"
                + " and item_code = 'COMMUNITY_SUBSIDY_2'").param("id", id).query(byte[].class).single();
        assertThat(new String(reason, StandardCharsets.UTF_8)).doesNotContain("家庭收入");

        call(post("/api/v1/applications/" + id + "/review"), worker, Map.of("reason", " "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("REASON_REQUIRED"));
        call(post("/api/v1/applications/" + id + "/review"), worker, Map.of("reason", "收入证明已补交"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNDER_REVIEW"))
                .andExpect(jsonPath("$.dueOn").value(calendar.deadline(today(), 15).due().toString()));
        call(post("/api/v1/applications/" + id + "/review/decision"), district, decisions(
                Map.of("item", "COMMUNITY_SUBSIDY_1", "decision", "GRANTED"),
                Map.of("item", "COMMUNITY_SUBSIDY_2", "decision", "REJECTED", "reason", "仍不符合经济困难条件")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVIEWED"))
                .andExpect(jsonPath("$.items[1].reason").value("仍不符合经济困难条件"))
                .andExpect(jsonPath("$.items[1].firstDecision").value("REJECTED"))
                .andExpect(jsonPath("$.grants.length()").value(1));
        assertThat(jdbc.sql("select event_type from audit_event where object_type = 'application' and object_id = :id")
                .param("id", id.toString()).query(String.class).list())
                .contains("APPLICATION_SUBMITTED", "APPLICATION_FIRST_CHECK_PASSED",
                        "APPLICATION_ASSESSMENT_RECEIVED", "APPLICATION_VERIFIED", "APPLICATION_DECIDED",
                        "APPLICATION_REVIEW_REQUESTED", "APPLICATION_REVIEW_DECIDED");

        // a death ends the grant on the day of death
        LocalDate died = today().withDayOfMonth(1).plusMonths(2).plusDays(9);
        jdbc.sql("update person set death_date = :d where id = :id").param("d", died).param("id", personId)
                .update();
        assertThat(workflow.endGrantsOfTheDeceased()).isPositive();
        call(get("/api/v1/applications/" + id), district, null)
                .andExpect(jsonPath("$.grants[0].validTo").value(died.toString()))
                .andExpect(jsonPath("$.grants[0].endedReason").value("DEATH"));
    }

    @Test
    void reusesAValidAssessmentInsteadOfRequestingAnother() throws Exception {
        UUID assessment = requestAssessment();
        completeAssessment(assessment);
        UUID id = submit("STREET_OFFICE", "COMMUNITY_SUBSIDY_1");
        call(get("/api/v1/applications/" + id), worker, null)
                .andExpect(jsonPath("$.items[0].eligibleAtIntake").value(true));
        call(post("/api/v1/applications/" + id + "/first-check"), worker, Map.of("passed", true))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VERIFICATION"))
                .andExpect(jsonPath("$.assessmentId").value(assessment.toString()))
                .andExpect(jsonPath("$.dueOn").value(calendar.deadline(today(), 5).due().toString()))
                .andExpect(jsonPath("$.steps[0].outcome").value("PASSED_ASSESSMENT_REUSED"));
        assertThat(jdbc.sql("select count(*) from assessment where person_id = :p").param("p", personId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFailedFirstCheckRejectsEveryItemWithTheReasonAndTheRights() throws Exception {
        UUID id = submit("STREET_OFFICE", "MEAL_DINER_SUBSIDY", "REGULAR_VISITS");
        call(post("/api/v1/applications/" + id + "/first-check"), worker, Map.of("passed", false))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        call(post("/api/v1/applications/" + id + "/first-check"), worker,
                Map.of("passed", false, "reason", "户籍不在本街道"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECIDED"))
                .andExpect(jsonPath("$.items[*].decision", not(hasItem("GRANTED"))))
                .andExpect(jsonPath("$.items[0].reason").value("户籍不在本街道"))
                .andExpect(jsonPath("$.notice.reviewDecisionWorkingDays").value(15))
                .andExpect(jsonPath("$.grants.length()").value(0));
        // a review asked after the window is refused
        jdbc.sql("update application set review_window_ends_on = current_date - 1 where id = :id").param("id", id)
                .update();
        call(post("/api/v1/applications/" + id + "/review"), worker, Map.of("reason", "不服"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("REVIEW_WINDOW_CLOSED"));
    }

    @Test
    void aStepWithoutAssessmentGoesStraightToVerification() throws Exception {
        UUID id = submit("STREET_OFFICE", "MEAL_DINER_SUBSIDY");
        call(post("/api/v1/applications/" + id + "/first-check"), worker, Map.of("passed", true))
                .andExpect(jsonPath("$.status").value("VERIFICATION"));
        call(post("/api/v1/applications/" + id + "/first-check"), worker, Map.of("passed", true))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("WRONG_STATUS"));
    }

    @Test
    void refusesBadInputWithEveryProblemAndStoresNothing() throws Exception {
        long before = jdbc.sql("select count(*) from application").query(Long.class).single();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "FAX");
        body.put("items", List.of("COMMUNITY_SUBSIDY_1", "COMMUNITY_SUBSIDY_1", "NO_SUCH_ITEM"));
        call(post("/api/v1/applications"), worker, body).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].code", hasItem("UNKNOWN_CHANNEL")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("personId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("items[1]")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("items[2]")));
        call(post("/api/v1/applications"), worker, Map.of("personId", personId, "channel", "ONLINE_AGENT",
                "items", List.of("PINGANTONG")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("AGENT_CONSENT_MISSING"));
        assertThat(jdbc.sql("select count(*) from application").query(Long.class).single()).isEqualTo(before);
        submit("STREET_OFFICE", "PINGANTONG");
        call(post("/api/v1/applications"), worker, Map.of("personId", personId, "channel", "STREET_OFFICE",
                "items", List.of("PINGANTONG")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("OPEN_APPLICATION_EXISTS"));
    }

    @Test
    void storesAttachmentsOfTheChecklistWithTheirTypeOnly() throws Exception {
        UUID id = submit("STREET_OFFICE", "PINGANTONG");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
        String stored = mvc.perform(post("/api/v1/applications/" + id + "/attachments").param("material", "ID_CARD")
                        .header("Authorization", worker).contentType(MediaType.IMAGE_PNG).content(png))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.contentType").value("image/png"))
                .andReturn().getResponse().getContentAsString();
        String attachment = JsonPath.read(stored, "$.id");
        mvc.perform(get("/api/v1/applications/" + id + "/attachments/" + attachment).header("Authorization", worker))
                .andExpect(status().isOk()).andExpect(result ->
                        assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(png));
        call(get("/api/v1/applications/" + id), worker, null)
                .andExpect(jsonPath("$.checklist[?(@.code == 'ID_CARD')].attached").value(hasItem(true)));
        mvc.perform(post("/api/v1/applications/" + id + "/attachments").param("material", "HOUSING_PROOF")
                        .header("Authorization", worker).contentType(MediaType.APPLICATION_PDF).content(png))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].code", hasItem("NOT_ON_CHECKLIST")))
                .andExpect(jsonPath("$.errors[*].code", hasItem("CONTENT_DOES_NOT_MATCH_TYPE")));
    }

    @Test
    void keepsApplicationsInsideTheJurisdictionAndEscalatesOverdueStepsOnce() throws Exception {
        UUID id = submit("STREET_OFFICE", "REGULAR_VISITS");
        String haizhu = Api.bearer(mvc, users.create(Role.DISTRICT_OFFICER, "440105000000"), TestUsers.PASSWORD);
        call(get("/api/v1/applications/" + id), haizhu, null).andExpect(status().isNotFound());
        call(post("/api/v1/applications/" + id + "/first-check"), haizhu, Map.of("passed", true))
                .andExpect(status().isNotFound());
        call(get("/api/v1/applications"), haizhu, null).andExpect(jsonPath("$[*].id", not(hasItem(id.toString()))));

        LocalDate later = calendar.deadline(today(), 6).due();
        assertThat(workflow.escalateOverdue(later)).isPositive();
        assertThat(jdbc.sql("select count(*) from notification where object_id = :id and kind = :k")
                .param("id", id.toString()).param("k", "APPLICATION_OVERDUE_FIRST_CHECK").query(Long.class)
                .single()).isPositive();
        long notices = jdbc.sql("select count(*) from notification where object_id = :id").param("id", id.toString())
                .query(Long.class).single();
        workflow.escalateOverdue(later.plusDays(1));
        assertThat(jdbc.sql("select count(*) from notification where object_id = :id").param("id", id.toString())
                .query(Long.class).single()).isEqualTo(notices);
    }

    private void awaitStatus(UUID id, String wanted) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            String status = jdbc.sql("select status from application where id = :id").param("id", id)
                    .query(String.class).single();
            if (status.equals(wanted)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("application " + id + " did not reach " + wanted);
    }

    private UUID submit(String channel, String... items) throws Exception {
        String body = call(post("/api/v1/applications"), worker, Map.of("personId", personId, "channel", channel,
                "items", List.of(items))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    private UUID requestAssessment() throws Exception {
        String body = call(post("/api/v1/assessments"), district, Map.of("personId", personId, "reason", "FIRST"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    private void completeAssessment(UUID assessment) throws Exception {
        call(post("/api/v1/assessments/" + assessment + "/assignment"), district,
                Map.of("agencyId", agency, "assessors", List.of(assessorIds[0], assessorIds[1])))
                .andExpect(status().isOk());
        call(post("/api/v1/assessments/" + assessment + "/visit"), assessors[0], Map.of("at",
                java.time.Instant.now().minusSeconds(3600).toString(), "place", "HOME",
                "present", List.of(Map.of("name", "评估对象", "role", "ELDER")))).andExpect(status().isOk());
        call(post("/api/v1/assessments/" + assessment + "/submission"), assessors[0],
                Map.of("answers", allMax())).andExpect(status().isOk());
        for (String assessor : assessors) {
            call(post("/api/v1/assessments/" + assessment + "/signatures"), assessor, null)
                    .andExpect(status().isOk());
        }
    }

    private static Map<String, Object> decisions(Map<?, ?>... items) {
        return Map.of("items", List.of(items));
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String token, Object body) throws Exception {
        request.header("Authorization", token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    private LocalDate today() {
        return BusinessZone.today(clock);
    }

    private UUID registerPerson(String community) throws Exception {
        int n = SEQUENCE.getAndIncrement();
        String first17 = "440106" + LocalDate.of(1938, 1, 1).plusDays(n).toString().replace("-", "")
                + String.format("%03d", (n * 7 + ThreadLocalRandom.current().nextInt(100)) % 1000);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idNumber", first17 + Gb11643.checkCharacter(first17));
        body.put("name", "申请测" + (char) ('甲' + n % 10));
        body.put("phone", "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        body.put("hukouRegion", "440106000000");
        body.put("residenceRegion", community);
        body.put("address", "天河路1号");
        body.put("livingArrangement", "ALONE");
        body.put("tags", List.of(Map.of("tag", "DIBAO", "validFrom", "2020-01-01")));
        body.put("confirmedNotDuplicate", true);
        String response = call(post("/api/v1/persons"), district, body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(response, "$.id"));
    }

    /** Every GB/T 42195 item at its maximum (total 90, level 0). */
    private static Map<String, Integer> allMax() {
        Map<String, Integer> a = new LinkedHashMap<>();
        for (int i = 1; i <= 8; i++) {
            a.put("B.1." + i, 4);
        }
        a.putAll(Map.of("B.2.1", 4, "B.2.2", 4, "B.2.3", 4, "B.2.4", 3));
        for (int i = 1; i <= 6; i++) {
            a.put("B.3." + i, 4);
        }
        a.putAll(Map.of("B.3.7", 1, "B.3.8", 1, "B.3.9", 2));
        a.putAll(Map.of("B.4.1", 2, "B.4.2", 2, "B.4.3", 4, "B.4.4", 3, "B.4.5", 4));
        return a;
    }
}
