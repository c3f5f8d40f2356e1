package org.yiyang.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiyang.assessment.internal.Assessments;
import org.yiyang.person.NewResident;
import org.yiyang.person.PersonRegistry;
import org.yiyang.region.RegionLevel;
import org.yiyang.region.Regions;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

@IntegrationTest
class AssessmentPagesIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Regions regions;
    @Autowired JdbcClient jdbc;
    @Autowired Assessments assessments;
    @Autowired PersonRegistry persons;
    @Autowired org.yiyang.testsupport.QualifiedAssessors qualified;

    MockHttpSession first;
    MockHttpSession second;
    UUID id;

    @BeforeEach
    void setUp() throws Exception {
        String street = "440106" + (900 + ThreadLocalRandom.current().nextInt(99)) // never 999: FacilityApiIntegrationTests needs 440106999000 unknown
                + "000";
        String community = street.substring(0, 9) + "202";
        regions.upsert(List.of(
                new Regions.NewRegion(street, "440106000000", RegionLevel.STREET_TOWN, "页面评估街道", false),
                new Regions.NewRegion(community, street, RegionLevel.COMMUNITY_VILLAGE, "页面评估社区", false)));
        officerName = users.create(Role.DISTRICT_OFFICER, "440106000000");
        Actor officer = actor(officerName);
        agency = qualified.agency("440106000000");
        String a1 = qualified.assessor(agency, "440106000000");
        String a2 = qualified.assessor(agency, "440106000000");
        int n = ThreadLocalRandom.current().nextInt(5000);
        String first17 = "440106" + java.time.LocalDate.of(1944, 1, 1).plusDays(n).toString().replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        person = persons.register(new NewResident(first17 + org.yiyang.person.Gb11643.checkCharacter(first17),
                "页面评估" + (char) ('甲' + n % 10),
                "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)), "440106000000",
                community, "天河路2号", "ALONE", null, null, null,
                true), officer).id();
        id = assessments.request(person, "FIRST", null, null, officer);
        assessments.assign(id, agency, List.of(userId(a1), userId(a2)), List.of(), officer);
        first = login(a1);
        second = login(a2);
        assessorIds = List.of(userId(a1), userId(a2));
    }

    String officerName;
    UUID person;
    UUID agency;
    List<UUID> assessorIds;

    @Test
    void anOfficerRequestsAnImmediateAssessmentAndAssignsItInTheBrowserPages() throws Exception {
        MockHttpSession officer = login(officerName);
        String history = page(get("/persons/" + person + "/assessments"), officer);
        assertThat(history).contains("id=\"request-form\"");
        String refused = page(post("/persons/" + person + "/assessments").with(csrf()).param("reason", "IMMEDIATE")
                .param("cause", ""), officer);
        assertThat(refused).contains("id=\"request-errors\"").contains("即时评估需要注明原因");
        String location = mvc.perform(post("/persons/" + person + "/assessments").with(csrf())
                        .param("reason", "IMMEDIATE").param("cause", "REPEATED_FALLS").session(officer))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID requested = UUID.fromString(location.substring("/assessments/".length()));
        String result = page(get(location), officer);
        assertThat(result).contains("id=\"assignment-form\"").contains("value=\"" + agency + "\"")
                .contains("反复跌倒");
        // the same person as a declared relative of the second assessor: 回避, shown on the page, nothing assigned
        qualified.qualify(agency, assessorIds.get(1), java.time.LocalDate.now().minusYears(1),
                java.time.LocalDate.now().plusYears(1), null, List.of(person));
        String recusal = page(post("/assessments/" + requested + "/assignment").with(csrf())
                .param("agencyId", agency.toString()).param("assessor1", assessorIds.get(0).toString())
                .param("assessor2", assessorIds.get(1).toString()), officer);
        assertThat(recusal).contains("id=\"assignment-errors\"").contains("评估员应当回避");
        UUID third = qualified.userId(qualified.assessor(agency, "440106000000"));
        mvc.perform(post("/assessments/" + requested + "/assignment").with(csrf()).session(officer)
                        .param("agencyId", agency.toString()).param("assessor1", assessorIds.get(0).toString())
                        .param("assessor2", third.toString()))
                .andExpect(redirectedUrl("/assessments/" + requested));
        assertThat(jdbc.sql("select status from assessment where id = :id").param("id", requested)
                .query(String.class).single()).isEqualTo("ASSIGNED");
    }

    @Test
    void fillsTheFormWithLiveSubtotalsSubmitsAndSignsToAnEffectiveLevel() throws Exception {
        assertThat(page(get("/assessments"), first)).contains("id=\"worklist\"").contains("worklist-" + id);

        String form = page(get("/assessments/" + id + "/form"), first);
        assertThat(form).contains("id=\"assessment-form\"").contains("id=\"B.1.1-4\"")
                .contains("独立使用器具将食物送进口中并咽下，没有呛咳")            // verbatim option text
                .contains("hx-post=\"/assessments/" + id + "/form/score\"").contains("id=\"score-total\"")
                .doesNotContain("style=").doesNotContain("<script>");

        String live = page(post("/assessments/" + id + "/form/score").with(csrf())
                .param("B.1.1", "4").param("B.4.5", "3"), first);
        assertThat(live).contains("id=\"subtotal-B.1\">4<").contains("id=\"score-total\">7<")  // 4 + 3
                .contains("已评估2项，共26项").doesNotContain("id=\"live-level\"")
                .doesNotContain("<html");

        var submit = post("/assessments/" + id + "/form").with(csrf());
        AssessmentTestData.sixtyFive().forEach((code, points) -> submit.param(code, String.valueOf(points)));
        submit.param("diagnoses", "I10, F01.1");
        visit(submit);
        mvc.perform(submit.session(first)).andExpect(redirectedUrl("/assessments/" + id));

        String result = page(get("/assessments/" + id), first);
        assertThat(result).contains("id=\"assessment-total\">65<")                   // 90 − 24 − 1
                .contains("能力重度受损（重度失能）")                                 // band 2, dementia +1 → 3
                .contains("id=\"report-B.1\">8<")                                        // 32 − 24
                .contains("确诊为痴呆（F01.1，属于F00–F03）")                              // C.4 reason
                .contains("id=\"sign\"");
        mvc.perform(post("/assessments/" + id + "/sign").with(csrf()).session(first))
                .andExpect(redirectedUrl("/assessments/" + id));
        mvc.perform(post("/assessments/" + id + "/sign").with(csrf()).session(second))
                .andExpect(redirectedUrl("/assessments/" + id));
        assertThat(page(get("/assessments/" + id).param("lang", "en"), second))
                .contains("Effective").contains("Severely impaired (severe disability)");

        // the family disputes it: the officer requests a review (复评) from the result's row in the history
        MockHttpSession officer = login(officerName);
        assertThat(page(get("/persons/" + person + "/assessments"), officer)).contains("review-form")
                .contains("申请复评");
        String location = mvc.perform(post("/persons/" + person + "/assessments").with(csrf()).session(officer)
                        .param("reason", "REVIEW").param("reviewOf", id.toString())
                        .param("instrument", "GBT42195-2022"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID review = UUID.fromString(location.substring("/assessments/".length()));
        assertThat(jdbc.sql("select reason || ' ' || review_of from assessment where id = :id").param("id", review)
                .query(String.class).single()).isEqualTo("REVIEW " + id);
        // its assessors must be others than the original's, shown on the page
        String refused = page(post("/assessments/" + review + "/assignment").with(csrf())
                .param("agencyId", agency.toString()).param("assessor1", assessorIds.get(0).toString())
                .param("assessor2", assessorIds.get(1).toString()), officer);
        assertThat(refused).contains("id=\"assignment-errors\"");
    }

    @Test
    void theReportShowsAnOverrideAndItsReason() throws Exception {
        var submit = post("/assessments/" + id + "/form").with(csrf());
        AssessmentTestData.allMax().forEach((code, points) -> submit.param(code, String.valueOf(points)));
        visit(submit);
        mvc.perform(submit.session(first)).andExpect(redirectedUrl("/assessments/" + id));
        assessments.override(id, 1, "现场观察到行动迟缓", actorOf(first));
        String report = page(get("/assessments/" + id), second);
        assertThat(report).contains("id=\"report-no-changes\"")                    // 90, no C.4 rule applied
                .contains("id=\"overridden\"").contains("现场观察到行动迟缓")
                .contains("能力轻度受损（轻度失能）").contains("id=\"sign\"");
    }

    private Actor actorOf(MockHttpSession session) {
        var context = (org.springframework.security.core.context.SecurityContext) session.getAttribute(
                "SPRING_SECURITY_CONTEXT");
        String username = context.getAuthentication().getName();
        return new Actor(userId(username), username, java.util.Set.of(Role.ASSESSOR), "440106000000",
                regions.pathOf("440106000000").orElseThrow(), null);
    }

    @Test
    void savesAPartialDraftFromTheFormAndShowsItAgain() throws Exception {
        mvc.perform(post("/assessments/" + id + "/form/draft").with(csrf()).param("B.1.1", "4").param("B.4.5", "3")
                        .param("diagnoses", "I10").param("a3.name", "王小明").param("a3.relation", "CHILD")
                        .session(first))
                .andExpect(redirectedUrl("/assessments/" + id + "/form?saved"));
        assertThat(jdbc.sql("select status || ' ' || total from assessment where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("DRAFT 7");                      // 4 + 3, partial
        String form = page(get("/assessments/" + id + "/form").param("saved", ""), first);
        assertThat(form).contains("id=\"draft-saved\"").contains("id=\"score-total\">7<")
                .contains("value=\"王小明\"").contains("value=\"I10\"");
        assertThat(form.replaceAll("\\s+", " ")).containsPattern("id=\"B.1.1-4\"[^>]*checked");
        // a bad appendix value shows the form again and stores nothing
        String again = page(post("/assessments/" + id + "/form/draft").with(csrf()).param("B.1.1", "3")
                .param("a2.heightCm", "900"), first);
        assertThat(again).contains("id=\"form-errors\"").contains("appendix.basic.heightCm");
        assertThat(jdbc.sql("select total from assessment where id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(7);
    }

    @Test
    void aSubmissionWithoutTheVisitShowsTheFormAgain() throws Exception {
        var submit = post("/assessments/" + id + "/form").with(csrf());
        AssessmentTestData.allMax().forEach((code, points) -> submit.param(code, String.valueOf(points)));
        String again = page(submit, first);
        assertThat(again).contains("id=\"form-errors\"").contains("提交前请先记录上门评估情况");
        assertThat(jdbc.sql("select status from assessment where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("ASSIGNED");
    }

    @Test
    void anIncompleteSubmissionShowsTheFormAgainWithTheMissingItemsMarked() throws Exception {
        String again = page(post("/assessments/" + id + "/form").with(csrf()).param("B.1.1", "4"), first);
        assertThat(again).contains("id=\"form-errors\"").contains("has-error");
    }

    @Test
    void anAssessorOfAnotherDistrictGets404() throws Exception {
        MockHttpSession outsider = login(users.create(Role.ASSESSOR, "440105000000"));
        mvc.perform(get("/assessments/" + id + "/form").session(outsider)).andExpect(status().isNotFound());
        mvc.perform(get("/assessments/" + id).session(outsider)).andExpect(status().isNotFound());
    }

    /** The form's visit fields: at home an hour ago (Asia/Shanghai), the elder and an assessor present. */
    private static void visit(MockHttpServletRequestBuilder form) {
        form.param("visit.at", java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).minusHours(1)
                        .withSecond(0).withNano(0).toString())
                .param("visit.place", "HOME").param("visit.present0.name", "评估对象")
                .param("visit.present0.role", "ELDER").param("visit.present1.name", "评估员甲")
                .param("visit.present1.role", "ASSESSOR");
    }

    private UUID userId(String username) {
        return jdbc.sql("select id from user_account where username = :u").param("u", username)
                .query(UUID.class).single();
    }

    private Actor actor(String username) {
        var row = jdbc.sql("select id, jurisdiction_code, jurisdiction_path::text from user_account where username = :u")
                .param("u", username).query((rs, n) -> new Actor(rs.getObject(1, UUID.class), username,
                        java.util.Set.of(Role.DISTRICT_OFFICER), rs.getString(2), rs.getString(3), null))
                .single();
        return row;
    }

    private String page(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        return mvc.perform(request.session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(TestUsers.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);
    }
}
