package org.yiyang.ltc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyang.jobs.Jobs;
import org.yiyang.jobs.Rejection;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/** Insured status (import and API) and beneficiary records: officer-entered level, ending, hospital stays, scope. */
@IntegrationTest
class LtcBeneficiaryIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired LtcWorld world;
    @Autowired Jobs jobs;
    @Autowired JdbcClient jdbc;

    String officer;
    String haizhuOfficer;

    @BeforeEach
    void setUp() throws Exception {
        officer = Api.bearer(mvc, users.create(Role.LTC_OFFICER, LtcWorld.TIANHE), TestUsers.PASSWORD);
        haizhuOfficer = Api.bearer(mvc, users.create(Role.LTC_OFFICER, LtcWorld.HAIZHU), TestUsers.PASSWORD);
    }

    @Test
    void importsInsuredStatusReportingEveryBadRowAndARerunChangesNothing() throws Exception {
        var a = world.resident(LtcWorld.TIANHE);
        var b = world.resident(LtcWorld.TIANHE);
        var outside = world.resident(LtcWorld.HAIZHU);
        String csv = "idNumber,insuredType,validFrom,validTo\n"
                + a.idNumber() + ",EMPLOYEE,2025-01-01,\n"                 // row 1: good
                + b.idNumber() + ",RESIDENT,2025-01-01,2026-12-31\n"       // row 2: good
                + "440106194001010000,EMPLOYEE,2025-01-01,\n"              // row 3: bad check digit
                + outside.idNumber() + ",EMPLOYEE,2025-01-01,\n"           // row 4: outside the jurisdiction
                + a.idNumber() + ",FARMER,2025-13-01,\n"                   // row 5: bad type and date
                + a.idNumber() + ",RESIDENT,2025-06-01,\n";                // row 6: overlaps row 1
        UUID job = importCsv(csv);
        assertThat(jobs.find(job).orElseThrow().accepted()).isEqualTo(2);
        assertThat(jobs.rejections(job)).containsExactly(
                new Rejection(3, "idNumber", "ID_NUMBER_CHECK_CHARACTER"),
                new Rejection(4, "idNumber", "LTC_PERSON_UNKNOWN"),
                new Rejection(5, "insuredType", "LTC_UNKNOWN_VALUE"),
                new Rejection(5, "validFrom", "DATE_FORMAT"),
                new Rejection(6, "validFrom", "LTC_INSURED_OVERLAP"));
        long before = jdbc.sql("select count(*) from ltc_insured").query(Long.class).single();
        UUID rerun = importCsv(csv);
        assertThat(jobs.find(rerun).orElseThrow().message()).startsWith("new 0, changed 0, unchanged 2, rejected 4");
        assertThat(jdbc.sql("select count(*) from ltc_insured").query(Long.class).single()).isEqualTo(before);
        mvc.perform(get("/api/v1/ltc/persons/" + b.id() + "/insured").header("Authorization", officer))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].insuredType").value("RESIDENT"))
                .andExpect(jsonPath("$[0].validTo").value("2026-12-31"))
                .andExpect(jsonPath("$[0].source").value("IMPORT"));
        mvc.perform(get("/api/v1/ltc/persons/" + b.id() + "/insured").header("Authorization", haizhuOfficer))
                .andExpect(status().isNotFound());
    }

    @Test
    void insuresEveryDemoResidentInDemoMode() {
        long demo = jdbc.sql("select count(*) from person where demo").query(Long.class).single();
        assertThat(demo).isPositive();
        assertThat(jdbc.sql("select count(*) from ltc_insured where source = 'DEMO'").query(Long.class).single())
                .isEqualTo(demo);
        assertThat(jdbc.sql("select count(distinct insured_type) from ltc_insured where source = 'DEMO'")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void recordsInsuredStatusThroughTheApi() throws Exception {
        var a = world.resident(LtcWorld.TIANHE);
        mvc.perform(post("/api/v1/ltc/persons/" + a.id() + "/insured").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"insuredType\":\"EMPLOYEE\",\"validFrom\":\"2025-01-01\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.source").value("API"));
        mvc.perform(post("/api/v1/ltc/persons/" + a.id() + "/insured").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"insuredType\":\"RESIDENT\",\"validFrom\":\"2025-03-01\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("LTC_INSURED_OVERLAP"));
        mvc.perform(post("/api/v1/ltc/persons/" + a.id() + "/insured").header("Authorization", haizhuOfficer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"insuredType\":\"EMPLOYEE\",\"validFrom\":\"2020-01-01\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void recordsABeneficiaryWithAnOfficerEnteredLevelEndsItAndScopesReads() throws Exception {
        var person = world.resident(LtcWorld.TIANHE);
        UUID facilityProvider = UUID.randomUUID();
        UUID designated = world.designatedProvider(LtcWorld.TIANHE, facilityProvider);
        String body = """
                {"personId":"%s","group":"LONG_TERM","ltcLevel":2,"careForm":"HOME","designatedProviderId":"%s",
                 "validFrom":"2026-01-01","validTo":"2027-12-31","homeLatitude":23.13,"homeLongitude":113.32,
                 "disabledSince":"2025-06-30"}
                """.formatted(person.id(), designated);
        String created = register(officer, body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.levelSource").value("OFFICER_ENTERED"))
                .andExpect(jsonPath("$.ltcLevel").value(2))
                .andExpect(jsonPath("$.homeLatitude").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        register(officer, body).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/ltc/beneficiaries/" + id).header("Authorization", haizhuOfficer))
                .andExpect(status().isNotFound());
        String staff = Api.bearer(mvc, world.providerStaff(LtcWorld.TIANHE, facilityProvider), TestUsers.PASSWORD);
        String otherStaff = Api.bearer(mvc, world.providerStaff(LtcWorld.TIANHE, UUID.randomUUID()),
                TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/ltc/beneficiaries/" + id).header("Authorization", staff))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/ltc/beneficiaries/" + id).header("Authorization", otherStaff))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/ltc/beneficiaries/" + id + "/hospital-stays").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"admittedOn\":\"2026-02-03\",\"dischargedOn\":\"2026-02-10\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.hospitalStays[0].admittedOn").value("2026-02-03"));
        mvc.perform(post("/api/v1/ltc/beneficiaries/" + id + "/end").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"DEATH\",\"endedOn\":\"2026-03-05\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.endReason").value("DEATH"));
        mvc.perform(post("/api/v1/ltc/beneficiaries/" + id + "/end").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"EXPIRY\",\"endedOn\":\"2026-03-06\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void namesEveryBadFieldOfABeneficiaryAndChangesNothing() throws Exception {
        long before = jdbc.sql("select count(*) from ltc_beneficiary").query(Long.class).single();
        register(officer, """
                {"personId":"%s","group":"LONG_TERM","ltcLevel":4,"careForm":"AT_SEA",
                 "validFrom":"2026-01-01","validTo":"2025-12-31","homeLatitude":23.1}
                """.formatted(UUID.randomUUID()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "personId", "ltcLevel", "careForm", "validTo", "homeLongitude", "designatedProviderId",
                        "disabledSince")));
        register(officer, "{\"group\":\"CONTINUING\",\"ltcLevel\":3}")
                .andExpect(jsonPath("$.errors[?(@.field=='ltcLevel')].code")
                        .value("LTC_LEVEL_NOT_FOR_CONTINUING_CARE"));
        assertThat(jdbc.sql("select count(*) from ltc_beneficiary").query(Long.class).single()).isEqualTo(before);
    }

    private ResultActions register(String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/ltc/beneficiaries").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private UUID importCsv(String csv) throws Exception {
        var file = new MockMultipartFile("file", "insured.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String body = mvc.perform(multipart("/api/v1/ltc/insured/imports").file(file).header("Authorization", officer))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.jobId"));
    }
}
