package org.yiyang.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.jobs.Jobs;
import org.yiyang.jobs.Rejection;
import org.yiyang.region.Regions;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

@IntegrationTest
class ResidentImportIntegrationTests {
    private static final String HEADER = "idNumber,name,phone,hukouRegion,residenceRegion,address,livingArrangement,"
            + "householdIncomePerCapitaFen,tags";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired Regions regions;
    @Autowired JdbcClient jdbc;
    @Autowired Jobs jobs;

    String token;
    String community;

    @BeforeEach
    void setUp() throws Exception {
        community = PersonFixtures.streetWithCommunities(regions, "440106", "导入测试")[1];
        token = Api.bearer(mvc, users.create(Role.DISTRICT_OFFICER, "440106000000"), TestUsers.PASSWORD);
    }

    @Test
    void keepsTheGoodRowsReportsEachBadRowAndChangesNothingOnARerun() throws Exception {
        String good1 = PersonFixtures.idNumber();
        String good2 = PersonFixtures.idNumber();
        String wrongCheck = PersonFixtures.idNumber();
        wrongCheck = wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '0' ? '1' : '0');
        String csv = HEADER + "\n"
                + good1 + ",导入甲," + PersonFixtures.phone() + ",440106000000," + community
                + ",天河路1号,ALONE,120000,DIBAO:2025-01-01:;TEKUN_SCATTERED:2024-01-01:2026-12-31\n"
                + wrongCheck + ",导入乙,,440106000000," + community + ",,,,\n"
                + good2.toLowerCase() + ",导入丙,,440106000000," + community + ",,WITH_FAMILY,,\n"
                + PersonFixtures.idNumber() + ",导入丁,,440106000000,440106999999,,,-5,DIBAO:2025-13-01:\n"
                + good1 + ",导入甲,,440106000000," + community + ",,,,\n";
        long before = persons();

        UUID job = upload(new MockMultipartFile("file", "residents.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(persons()).isEqualTo(before + 2);
        var view = jobs.find(job).orElseThrow();
        assertThat(view.status().name()).isEqualTo("SUCCEEDED");
        assertThat(view.done()).isEqualTo(5);
        assertThat(view.accepted()).isEqualTo(2);
        assertThat(view.rejected()).isEqualTo(3);
        assertThat(jobs.rejections(job)).containsExactlyInAnyOrder(
                new Rejection(2, "idNumber", "ID_NUMBER_CHECK_CHARACTER"),
                new Rejection(4, "residenceRegion", "REGION_UNKNOWN"),
                new Rejection(4, "householdIncomePerCapitaFen", "INCOME_NEGATIVE"),
                new Rejection(4, "tags", "TAG_FORMAT"),
                new Rejection(5, "idNumber", "DUPLICATE_IN_FILE"));
        assertThat(jdbc.sql("select count(*) from person_tag t join person p on p.id = t.person_id where p.name = '导入甲'")
                .query(Long.class).single()).isEqualTo(2);

        mvc.perform(get("/api/v1/jobs/" + job).header("Authorization", token)).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2));

        long tags = jdbc.sql("select count(*) from person_tag t join person p on p.id = t.person_id where substring(p.residence_region, 7, 1) = '9'").query(Long.class).single();
        UUID rerun = upload(new MockMultipartFile("file", "residents-again.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(persons()).isEqualTo(before + 2);
        assertThat(jdbc.sql("select count(*) from person_tag t join person p on p.id = t.person_id where substring(p.residence_region, 7, 1) = '9'").query(Long.class).single()).isEqualTo(tags);
        assertThat(jobs.find(rerun).orElseThrow().accepted()).isZero();
        assertThat(jobs.find(rerun).orElseThrow().key()).isEqualTo(view.key());
        assertThat(jobs.rejections(rerun)).hasSameElementsAs(jobs.rejections(job));
    }

    @Test
    void readsAnExcelWorkbookToo() throws Exception {
        String id = PersonFixtures.idNumber("440106", LocalDate.of(1938, 8, 8), true);
        var out = new ByteArrayOutputStream();
        try (var workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("residents");
            String[] header = HEADER.split(",");
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            Row row = sheet.createRow(1);
            List<String> values = List.of(id, "表格老人", "", "440106000000", community, "", "ALONE", "", "");
            for (int i = 0; i < values.size(); i++) {
                row.createCell(i).setCellValue(values.get(i));
            }
            Row bad = sheet.createRow(2);
            bad.createCell(0).setCellValue("12345");
            bad.createCell(1).setCellValue("坏行");
            bad.createCell(3).setCellValue("440106000000");
            bad.createCell(4).setCellValue(community);
            workbook.write(out);
        }
        long before = persons();
        UUID job = upload(new MockMultipartFile("file", "residents.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray()));
        assertThat(persons()).isEqualTo(before + 1);
        assertThat(jobs.rejections(job)).containsExactly(new Rejection(2, "idNumber", "ID_NUMBER_LENGTH"));
        assertThat(jdbc.sql("select count(*) from person where name = '表格老人'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void refusesAFileWithoutTheRequiredColumns() throws Exception {
        mvc.perform(multipart("/api/v1/persons/imports").file(new MockMultipartFile("file", "x.csv", "text/csv",
                        "foo,bar\n1,2\n".getBytes(StandardCharsets.UTF_8))).header("Authorization", token))
                .andExpect(status().is(422)).andExpect(jsonPath("$.errors[0].code").value("IMPORT_HEADER"));
    }

    private UUID upload(MockMultipartFile file) throws Exception {
        String body = mvc.perform(multipart("/api/v1/persons/imports").file(file).header("Authorization", token))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/jobs/")))
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.jobId"));
    }

    /** Residents of the test streets (900–999), so that other data (e.g. a demo city) cannot disturb the count. */
    private long persons() {
        return jdbc.sql(PersonFixtures.COUNT_IN_TEST_STREETS).query(Long.class).single();
    }
}
