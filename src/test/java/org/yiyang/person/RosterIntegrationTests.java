package org.yiyang.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.jobs.JobStatus;
import org.yiyang.jobs.Jobs;
import org.yiyang.jobs.Rejection;
import org.yiyang.ltc.LtcWorld;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/**
 * Rosters from other systems: every bad row reported with its field and reason, good rows kept, a rerun giving the
 * same registry; a death ends the person's grants; residents outside the caller's jurisdiction are not found.
 */
@IntegrationTest
class RosterIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired LtcWorld world;
    @Autowired Jobs jobs;
    @Autowired JdbcClient jdbc;

    String registrar;
    LtcWorld.Resident one;
    LtcWorld.Resident two;

    @BeforeEach
    void setUp() throws Exception {
        String street = world.street();
        registrar = Api.bearer(mvc, users.create(Role.STREET_WORKER, street), TestUsers.PASSWORD);
        one = world.resident(street);
        two = world.resident(street);
    }

    @Test
    void aTagRosterKeepsTheGoodRowsReportsEveryBadOneAndARerunChangesNothing() throws Exception {
        grant(one.id());
        String unknown = "11010119400101001";
        unknown = unknown + Gb11643.checkCharacter(unknown);
        String csv = "idNumber,tag,validFrom,validTo\n"
                + one.idNumber() + ",DIBAO,2026-01-01,2026-12-31\n"
                + one.idNumber() + ",LAOMO,2026-01-01,\n"
                + "123,DIBAO,2026-01-01,\n"
                + unknown + ",DIBAO,2026-01-01,\n"
                + two.idNumber() + ",TEKUN_SCATTERED,2026-13-01,\n"
                + two.idNumber() + ",DIBAO_EDGE,2026-05-01,2026-04-30\n"
                + two.idNumber() + ",TEKUN_SCATTERED,2026-02-01,\n";
        UUID job = upload("TAGS", csv);
        assertThat(jobs.find(job).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
        List<Rejection> rejected = jobs.rejections(job);
        assertThat(rejected).extracting(r -> r.rowNo() + " " + r.field() + " " + r.code()).containsExactly(
                "2 tag ROSTER_TAG_NOT_ALLOWED", "3 idNumber ID_NUMBER_LENGTH", "4 idNumber ROSTER_PERSON_NOT_FOUND",
                "5 validFrom DATE_FORMAT", "6 validTo ROSTER_PERIOD");
        assertThat(tags(one.id())).containsExactly("DIBAO 2026-01-01 2026-12-31");
        assertThat(tags(two.id())).containsExactly("TEKUN_SCATTERED 2026-02-01 null");
        UUID again = upload("TAGS", csv);
        assertThat(jobs.rejections(again)).isEqualTo(rejected);
        assertThat(jobs.find(again).orElseThrow().message()).startsWith("applied 0, unchanged 2");
        assertThat(tags(one.id())).containsExactly("DIBAO 2026-01-01 2026-12-31");
        // the change is published: the service account notes it for the grantee (after commit), not for the other
        long deadline = System.currentTimeMillis() + 15_000;
        while (notices(one.id()) == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(notices(one.id())).isEqualTo(1);
        assertThat(notices(two.id())).isZero();
        // the list ends the tag earlier: the same period is updated, not duplicated
        upload("TAGS", "idNumber,tag,validFrom,validTo\n" + one.idNumber() + ",DIBAO,2026-01-01,2026-06-30\n");
        assertThat(tags(one.id())).containsExactly("DIBAO 2026-01-01 2026-06-30");
    }

    @Test
    void aDeathsRosterRecordsTheDateEndsTheGrantsAndRefusesAConflictingDate() throws Exception {
        UUID application = grant(one.id());
        String future = LocalDate.now(BusinessZone.ZONE).plusDays(2).toString();
        String body = """
                {"rows":[{"idNumber":"%s","deathDate":"2026-03-10"},{"idNumber":"%s","deathDate":"%s"},
                         {"idNumber":"%s"}]}""".formatted(one.idNumber(), two.idNumber(), future, two.idNumber());
        UUID job = rows("DEATHS", body);
        assertThat(jobs.rejections(job)).extracting(r -> r.rowNo() + " " + r.field() + " " + r.code())
                .containsExactly("2 deathDate ROSTER_DATE_IN_FUTURE", "3 deathDate REQUIRED");
        assertThat(deathDate(one.id())).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(deathDate(two.id())).isNull();
        UUID again = rows("DEATHS", body);
        assertThat(jobs.find(again).orElseThrow().message()).startsWith("applied 0, unchanged 1");
        UUID conflict = rows("DEATHS", """
                {"rows":[{"idNumber":"%s","deathDate":"2026-03-11"}]}""".formatted(one.idNumber()));
        assertThat(jobs.rejections(conflict)).extracting(Rejection::code)
                .containsExactly("ROSTER_DEATH_DATE_CONFLICT");
        assertThat(deathDate(one.id())).isEqualTo(LocalDate.of(2026, 3, 10));
        // the grant ends on the day of death as soon as the death is recorded (event after commit)
        long deadline = System.currentTimeMillis() + 15_000;
        LocalDate ended = null;
        while (ended == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            ended = jdbc.sql("select valid_to from application_grant where application_id = :a")
                    .param("a", application).query(LocalDate.class).single();
        }
        assertThat(ended).isEqualTo(LocalDate.of(2026, 3, 10));
    }

    @Test
    void aHukouMoveChangesTheRegionOnceAndOutsideTheJurisdictionNobodyIsFound() throws Exception {
        String csv = "idNumber,hukouRegion,movedOn\n" + one.idNumber() + ",440105000000,2026-02-01\n"
                + two.idNumber() + ",999999999999,2026-02-01\n";
        UUID job = upload("HUKOU_MOVES", csv);
        assertThat(jobs.rejections(job)).extracting(r -> r.rowNo() + " " + r.field() + " " + r.code())
                .containsExactly("2 hukouRegion REGION_UNKNOWN");
        assertThat(hukou(one.id())).isEqualTo("440105000000");
        assertThat(jobs.find(upload("HUKOU_MOVES", csv)).orElseThrow().message()).startsWith("applied 0, unchanged 1");
        // a 海珠 registrar does not find 天河 residents
        String haizhu = Api.bearer(mvc, users.create(Role.DISTRICT_OFFICER, LtcWorld.HAIZHU), TestUsers.PASSWORD);
        String response = mvc.perform(post("/api/v1/persons/rosters/rows").param("type", "DEATHS")
                        .header("Authorization", haizhu).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rows\":[{\"idNumber\":\"" + two.idNumber() + "\",\"deathDate\":\"2026-01-02\"}]}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        UUID outside = UUID.fromString(JsonPath.read(response, "$.jobId"));
        assertThat(jobs.rejections(outside)).extracting(Rejection::code).containsExactly("ROSTER_PERSON_NOT_FOUND");
        assertThat(deathDate(two.id())).isNull();
        // a wrong type or header is refused before any job
        mvc.perform(post("/api/v1/persons/rosters/rows").param("type", "NOPE").header("Authorization", registrar)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rows\":[{\"idNumber\":\"1\"}]}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(multipart("/api/v1/persons/rosters").file(new MockMultipartFile("file", "r.csv", "text/csv",
                        "idNumber,when\n1,2\n".getBytes(StandardCharsets.UTF_8))).param("type", "DEATHS")
                        .header("Authorization", registrar))
                .andExpect(status().isUnprocessableContent());
    }

    /** A decided application with a first-class community-subsidy grant from 2026-02-01; returns the application. */
    private UUID grant(UUID person) {
        UUID application = UUID.randomUUID();
        String path = jdbc.sql("select residence_path::text from person where id = :p").param("p", person)
                .query(String.class).single();
        jdbc.sql("insert into application (id, person_id, residence_path, channel, status, submitted_on,"
                        + " submitted_by, submitted_at) values (:id, :p, cast(:path as ltree), 'STREET_OFFICE',"
                        + " 'DECIDED', date '2026-01-05', :id, now())")
                .param("id", application).param("p", person).param("path", path).update();
        jdbc.sql("insert into application_grant (id, application_id, person_id, residence_path, item_code,"
                        + " monthly_amount_fen, valid_from) values (:id, :app, :p, cast(:path as ltree),"
                        + " 'COMMUNITY_SUBSIDY_1', 40000, date '2026-02-01')")
                .param("id", UUID.randomUUID()).param("app", application).param("p", person).param("path", path)
                .update();
        return application;
    }

    private long notices(UUID person) {
        return jdbc.sql("select count(*) from account_change_notice where person_id = :p and cause = 'TAGS_CHANGED'")
                .param("p", person).query(Long.class).single();
    }

    private UUID upload(String type, String csv) throws Exception {
        String body = mvc.perform(multipart("/api/v1/persons/rosters").file(new MockMultipartFile("file", "roster.csv",
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8))).param("type", type)
                        .header("Authorization", registrar).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.jobId"));
    }

    private UUID rows(String type, String json) throws Exception {
        String body = mvc.perform(post("/api/v1/persons/rosters/rows").param("type", type)
                        .header("Authorization", registrar).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.jobId"));
    }

    private List<String> tags(UUID person) {
        return jdbc.sql("select tag || ' ' || valid_from || ' ' || coalesce(valid_to::text, 'null') from person_tag"
                + " where person_id = :p order by tag, valid_from").param("p", person).query(String.class).list();
    }

    private LocalDate deathDate(UUID person) {
        return jdbc.sql("select death_date from person where id = :p").param("p", person)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).list().get(0);
    }

    private String hukou(UUID person) {
        return jdbc.sql("select hukou_region from person where id = :p").param("p", person).query(String.class)
                .single();
    }
}
