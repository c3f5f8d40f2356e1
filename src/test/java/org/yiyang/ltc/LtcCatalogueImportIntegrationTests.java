package org.yiyang.ltc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyang.jobs.JobStatus;
import org.yiyang.jobs.Jobs;
import org.yiyang.jobs.Rejection;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/**
 * The official catalogue imported as a new OFFICIAL version: lines are priced from it from its effective date, its
 * qualification column decides who may give an item, and statements made from it carry no SAMPLE stamp. A file with
 * bad rows lists each and creates nothing (a catalogue must be complete).
 */
@IntegrationTest
class LtcCatalogueImportIntegrationTests {
    // the official version below takes effect on 2026-12-01: no other test settles or records lines after that day
    static final String HEADER = "code,name,category,subCategory,unit,unitPriceFen,consumable,levels,groups,"
            + "qualification\n";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired LtcWorld world;
    @Autowired Jobs jobs;
    @Autowired JdbcClient jdbc;
    @Autowired ServiceCatalogues catalogues;
    LtcScenario s;
    String prefix;

    @BeforeEach
    void setUp() throws Exception {
        s = new LtcScenario(mvc, users, world);
        prefix = "K-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    @Test
    void aFileWithBadRowsListsEachAndCreatesNoVersion() throws Exception {
        String csv = HEADER
                + "GZ-LC-01,协助进食,LIFE_CARE,基础照料,TIME,3500,否,1|2|3,,CARER\n"        // row 1: good
                + "GZ-LC-02,床上擦浴,LIFE_BASIC,,TIME,5000,,1|2|3,,\n"                      // row 2: unknown category
                + "GZ-LC-03,洗发,LIFE_CARE,,TIME,12.5,,1|2|3,,\n"                           // row 3: bad price
                + "GZ-LC-01,协助进食,LIFE_CARE,,TIME,3500,,1|2|3,,\n"                       // row 4: repeated code
                + "GZ-MC-01,导尿,MEDICAL_CARE,,TIME,6000,,2|3,,DOCTOR\n"                    // row 5: bad qualification
                + "GZ-MC-02,,MEDICAL_CARE,,TIME,-1,maybe,4,ELDERLY,\n";                     // row 6: five problems
        long before = jdbc.sql("select count(*) from ltc_catalogue_version").query(Long.class).single();
        int loaded = catalogues.versions().size();
        String body = upload(csv.getBytes(StandardCharsets.UTF_8), "catalogue.csv", "GZ-BAD-" + prefix,
                "2031-01-01").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.createdVersion").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        UUID job = UUID.fromString(JsonPath.read(body, "$.jobId"));
        assertThat(jobs.rejections(job)).containsExactlyInAnyOrder(
                new Rejection(2, "category", "LTC_UNKNOWN_VALUE"),
                new Rejection(3, "unitPriceFen", "LTC_PRICE_FORMAT"),
                new Rejection(4, "code", "LTC_ITEM_CODE_REPEATED"),
                new Rejection(5, "qualification", "LTC_UNKNOWN_VALUE"),
                new Rejection(6, "name", "REQUIRED"),
                new Rejection(6, "unitPriceFen", "LTC_PRICE_FORMAT"),
                new Rejection(6, "levels", "LTC_LEVELS"),
                new Rejection(6, "groups", "LTC_UNKNOWN_VALUE"),
                new Rejection(6, "consumable", "LTC_UNKNOWN_VALUE"));
        var view = jobs.find(job).orElseThrow();
        assertThat(view.status()).isEqualTo(JobStatus.FAILED);
        assertThat(view.message()).contains("not created");
        // the one good row is not kept: a catalogue version is created only from a complete file
        assertThat(jdbc.sql("select count(*) from ltc_catalogue_version").query(Long.class).single())
                .isEqualTo(before);
        assertThat(catalogues.versions()).hasSize(loaded);
        // the version's own data: every problem listed, no job started
        upload(csv.getBytes(StandardCharsets.UTF_8), "catalogue.csv", "bad code!", "2031-13-01")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "versionCode", "effectiveFrom")));
    }

    @Test
    void importsAnOfficialCatalogueThatPricesLinesAndIsSettledWithoutTheSampleStamp() throws Exception {
        String code = "GZ-LTC-" + prefix + "2026";
        byte[] xlsx = xlsx(List.of(
                List.of("code", "name", "category", "unit", "unitPriceFen", "levels", "qualification"),
                List.of("GZ-LC-01", "协助进食", "LIFE_CARE", "TIME", "3500", "1|2|3", "CARER"),
                // a device item the catalogue reserves for nurses (by reading a carer could give it)
                List.of("GZ-DV-01", "助行器使用指导", "DEVICE", "TIME", "1000", "1|2|3", "NURSE")));
        String body = upload(xlsx, "official.xlsx", code, "2026-12-01").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.createdVersion").value(code))
                .andReturn().getResponse().getContentAsString();
        UUID job = UUID.fromString(JsonPath.read(body, "$.jobId"));
        assertThat(jobs.find(job).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(jobs.rejections(job)).isEmpty();
        var official = catalogues.onDay(LocalDate.of(2026, 12, 1)).orElseThrow();
        assertThat(official.id()).isEqualTo(code);
        assertThat(official.isOfficial()).isTrue();
        assertThat(official.stamp()).isNull();
        // before its effective date the SAMPLE is still in force
        assertThat(catalogues.onDay(LocalDate.of(2026, 11, 30)).orElseThrow().isOfficial()).isFalse();
        assertThat(jdbc.sql("select count(*) from ltc_catalogue_item where version_id = :v").param("v", code)
                .query(Long.class).single()).isEqualTo(2);
        mvc.perform(get("/api/v1/ltc/catalogue/versions").header("Authorization", s.officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id=='" + code + "')].status").value("OFFICIAL"));

        // a rerun of the same file changes nothing
        String rerun = upload(xlsx, "official.xlsx", code, "2026-12-01").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.createdVersion").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(jobs.find(UUID.fromString(JsonPath.read(rerun, "$.jobId"))).orElseThrow().message())
                .contains("unchanged");
        assertThat(jdbc.sql("select count(*) from ltc_catalogue_version where id = :v").param("v", code)
                .query(Long.class).single()).isEqualTo(1);
        // the same file under the same code but another date is not a rerun
        upload(xlsx, "official.xlsx", code, "2026-12-02").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("LTC_CATALOGUE_VERSION_EXISTS"));
        // another file under the same code or the same effective date is refused
        upload("x".getBytes(StandardCharsets.UTF_8), "other.csv", code, "2026-12-01")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].code").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "LTC_CATALOGUE_VERSION_EXISTS", "LTC_CATALOGUE_SAME_START")));

        // an institution beneficiary, level 3, employee (75 %), with a plan of the official items
        String b = s.beneficiary("EMPLOYEE", "LONG_TERM", 3, "INSTITUTION", "2026-12-01", "2027-12-31");
        s.send(s.staff, "/api/v1/ltc/beneficiaries/" + b + "/care-plans", """
                {"startOn":"2026-12-01","endOn":"2026-12-31","visitsPerMonth":0,"minutesPerVisit":0,
                 "items":[{"code":"GZ-LC-01","timesPerMonth":31},{"code":"GZ-DV-01","timesPerMonth":31}]}""");
        String answer = s.submit(List.of(
                day("ok1", b, "2026-12-01", "CARER", LtcScenario.item("GZ-LC-01", 2)),
                day("ok2", b, "2026-12-02", "NURSE", LtcScenario.item("GZ-LC-01", 2)),
                day("ok3", b, "2026-12-03", "CARER", LtcScenario.item("GZ-LC-01", 2)),
                day("carer", b, "2026-12-04", "CARER", LtcScenario.item("GZ-DV-01", 1)),
                day("sample", b, "2026-12-05", "NURSE", LtcScenario.item("SAMPLE-LC-001", 1))));
        assertThat(reasons(answer, "ok1")).isEmpty();
        assertThat(reasons(answer, "ok2")).isEmpty();
        assertThat(reasons(answer, "carer")).containsExactly("CAREGIVER_NOT_QUALIFIED");
        // the SAMPLE's items are not in the catalogue in force from 2026-12-01
        assertThat(reasons(answer, "sample")).containsExactly("ITEM_NOT_IN_CATALOGUE");

        String run = s.settle("2026-12");
        assertThat(JsonPath.<Object>read(run, "$.stamp")).isNull();
        String st = s.statement(b, "2026-12");
        // 3 days × 2 × 35 元 = 210 元 priced from the official catalogue; 75 % is paid by the fund
        assertThat(JsonPath.<Integer>read(st, "$.fundPayFen") + JsonPath.<Integer>read(st, "$.selfPayFen"))
                .isEqualTo(21_000);
        assertThat(JsonPath.<Integer>read(st, "$.fundPayFen")).isEqualTo(15_750);
        assertThat(st).doesNotContain("SAMPLE");
        String runId = JsonPath.read(run, "$.id");
        var csv = mvc.perform(get("/api/v1/ltc/settlements/" + runId + "/statement.csv")
                        .header("Authorization", s.officer))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(csv.getHeader("X-Ltc-Catalogue-Stamp")).isEqualTo("OFFICIAL");
        assertThat(csv.getContentAsString()).doesNotContain("SAMPLE").contains(b);
    }

    private String day(String suffix, String beneficiary, String day, String qualification, String items) {
        return """
                {"recordId":"%s","beneficiaryId":"%s","serviceDate":"%s","qualification":"%s","bedFeeFen":0,
                 "items":[%s]}""".formatted(prefix + suffix, beneficiary, day, qualification, items);
    }

    private List<String> reasons(String answer, String suffix) {
        List<List<String>> found = JsonPath.read(answer, "$.results[?(@.recordId=='" + prefix + suffix
                + "')].reasons");
        assertThat(found).as("line " + suffix + " in " + answer).hasSize(1);
        return found.get(0);
    }

    private ResultActions upload(byte[] content, String name, String versionCode, String effectiveFrom)
            throws Exception {
        return mvc.perform(multipart("/api/v1/ltc/catalogue/imports")
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .param("versionCode", versionCode).param("effectiveFrom", effectiveFrom)
                .param("docNo", "穗医保规字〔2024〕X号 附件").param("issuer", "广州市医疗保障局")
                .header("Authorization", s.officer));
    }

    private static byte[] xlsx(List<List<String>> rows) throws Exception {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("目录");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
