package org.yiyang.ltc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/**
 * Settlement runs: the same month through the calculator and through stored service records gives the same lines
 * (one engine); a rerun gives identical statements; preview → approval → lock, after which the month's lines are
 * never changed; statements from the SAMPLE catalogue carry its stamp.
 */
@IntegrationTest
class LtcSettlementRunIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired LtcWorld world;
    LtcScenario s;
    String prefix;

    @BeforeEach
    void setUp() throws Exception {
        s = new LtcScenario(mvc, users, world);
        prefix = "S-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    @Test
    void settlesStoredRecordsExactlyAsTheCalculatorSettlesTheSameMonth() throws Exception {
        // A: level 3, employee, home (A类), 31 daily visits by a nurse in 2026-03
        String a = s.beneficiary("EMPLOYEE", "LONG_TERM", 3, "HOME", "2027-12-31");
        s.plan(a, "\"dailyVisits\":true,\"minutesPerVisit\":60", "SAMPLE-LC-001", "SAMPLE-LC-002", "SAMPLE-MC-001",
                "SAMPLE-DV-001");
        List<String> lines = new ArrayList<>();
        for (int d = 1; d <= 31; d++) {
            lines.add(LtcScenario.visit(prefix + "a" + d, a, "2026-03-%02d".formatted(d), prefix + "nurse", "NURSE",
                    1, 60, LtcScenario.HOME_LAT, String.join(",", LtcScenario.item("SAMPLE-LC-001", 2),
                            LtcScenario.item("SAMPLE-LC-002", 1), LtcScenario.item("SAMPLE-MC-001", 1),
                            LtcScenario.item("SAMPLE-DV-001", 1))));
        }
        // B: level 2, resident, home (B类: at least 6 visits, 14 hours): only 5 visits of 2 hours
        String b = s.beneficiary("RESIDENT", "LONG_TERM", 2, "HOME", "2027-12-31");
        s.plan(b, "\"visitsPerMonth\":6,\"minutesPerVisit\":140", "SAMPLE-LC-002");
        for (int d = 1; d <= 5; d++) {
            lines.add(LtcScenario.visit(prefix + "b" + d, b, "2026-03-%02d".formatted(d * 3), prefix + "carer",
                    "CARER", 3, 120, LtcScenario.HOME_LAT, LtcScenario.item("SAMPLE-LC-002", 2)));
        }
        // C: level 3, employee, institution: 10 days of 3 × 30 元 life care and a 40 元 bed fee
        String c = s.beneficiary("EMPLOYEE", "LONG_TERM", 3, "INSTITUTION", "2027-12-31");
        s.plan(c, "\"visitsPerMonth\":0,\"minutesPerVisit\":0", "SAMPLE-LC-001");
        for (int d = 1; d <= 10; d++) {
            lines.add(LtcScenario.day(prefix + "c" + d, c, "2026-03-%02d".formatted(d), 4000,
                    LtcScenario.item("SAMPLE-LC-001", 3)));
        }
        String answer = s.submit(lines);
        assertThat(JsonPath.<Integer>read(answer, "$.rejected")).as(answer).isZero();
        String run = s.settle("2026-03");
        assertThat(JsonPath.<String>read(run, "$.stamp")).isEqualTo("SAMPLE CATALOGUE — not for payment");
        assertThat(JsonPath.<Integer>read(run, "$.beneficiaries")).isEqualTo(3);

        String stA = s.statement(a, "2026-03");
        // life care: 2 × 30 + 50 = 110 元 a day > the 105 元 daily limit → 31 × 105 = 3,255 元 × 90% = 2,929.50 元
        // medical: 31 × 40 = 1,240 元 × 90% = 1,116 元, clipped to the 1,000 元 fund maximum
        // device: 31 × 10 = 310 元, limited to 300 元 × 90% = 270 元; fund 2,929.50 + 1,000 + 270 = 4,199.50 元
        assertThat(JsonPath.<Integer>read(stA, "$.fundPayFen")).isEqualTo(419_950);
        // cost 31 × 110 + 1,240 + 310 = 4,960 元; own share 4,960 − 4,199.50 = 760.50 元
        assertThat(JsonPath.<Integer>read(stA, "$.selfPayFen")).isEqualTo(76_050);
        assertSameAsCalculator(stA, """
                {"insuredType":"EMPLOYEE","ltcLevel":3,"careForm":"HOME","month":"2026-03",
                 "dailyLifeCareCostFen":%s,"medicalCareCostFen":124000,"deviceCostFen":31000}"""
                .formatted(Collections.nCopies(31, 11000)));

        String stB = s.statement(b, "2026-03");
        // 5 visits < 6 (B类, resident): the month's home life care is not paid; 5 × 100 元 = 500 元 own share
        assertThat(JsonPath.<Integer>read(stB, "$.fundPayFen")).isZero();
        assertThat(JsonPath.<String>read(stB, "$.lines[0].note")).isEqualTo("VISIT_MINIMUM_NOT_MET");
        assertSameAsCalculator(stB, """
                {"insuredType":"RESIDENT","ltcLevel":2,"careForm":"HOME","month":"2026-03",
                 "dailyLifeCareCostFen":[10000,10000,10000,10000,10000],"visits":5,"visitMinutes":600,
                 "monthsUsedInValidity":0}""");

        String stC = s.statement(c, "2026-03");
        // a day: 90 元 + min(40, 35) 元 bed fee = 125 元 > 120 元 → 10 × 120 = 1,200 元 × 75% = 900 元
        assertThat(JsonPath.<Integer>read(stC, "$.fundPayFen")).isEqualTo(90_000);
        assertSameAsCalculator(stC, """
                {"insuredType":"EMPLOYEE","ltcLevel":3,"careForm":"INSTITUTION","month":"2026-03",
                 "dailyLifeCareCostFen":%s,"dailyBedFeeFen":%s}"""
                .formatted(Collections.nCopies(10, 9000), Collections.nCopies(10, 4000)));
    }

    @Test
    void aRerunGivesIdenticalStatementsThenApprovalAndLockFreezeTheMonth() throws Exception {
        String a = s.beneficiary("EMPLOYEE", "LONG_TERM", 3, "HOME", "2027-12-31");
        s.plan(a, "\"dailyVisits\":true,\"minutesPerVisit\":60", "SAMPLE-LC-001");
        List<String> lines = new ArrayList<>();
        for (int d = 1; d <= 20; d++) {
            lines.add(LtcScenario.visit(prefix + d, a, "2026-04-%02d".formatted(d), prefix, "CARER", 1, 60,
                    LtcScenario.HOME_LAT, LtcScenario.item("SAMPLE-LC-001", 3)));
        }
        s.submit(lines);
        String id = JsonPath.read(s.settle("2026-04"), "$.id");
        byte[] first = download(id, "csv");
        String rerun = s.settle("2026-04");
        assertThat(JsonPath.<String>read(rerun, "$.id")).isEqualTo(id);
        assertThat(download(id, "csv")).isEqualTo(first);
        String csv = new String(first, StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("\uFEFFSAMPLE CATALOGUE — not for payment");
        assertThat(csv).contains(a + ",LIFE_CARE,180000,180000");

        byte[] xlsx = download(id, "xlsx");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("SAMPLE CATALOGUE — not for payment");
            assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("month");
        }

        mvc.perform(post("/api/v1/ltc/settlements/" + id + "/lock").header("Authorization", s.officer))
                .andExpect(status().isConflict());
        // a line accepted after the preview makes it stale: approval waits for a new preview
        s.submit(List.of(LtcScenario.visit(prefix + 21, a, "2026-04-21", prefix, "CARER", 1, 60,
                LtcScenario.HOME_LAT, LtcScenario.item("SAMPLE-LC-001", 3))));
        mvc.perform(post("/api/v1/ltc/settlements/" + id + "/approval").header("Authorization", s.officer))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("LTC_SETTLEMENT_STALE"));
        s.settle("2026-04");
        byte[] approved = download(id, "csv");
        assertThat(new String(approved, StandardCharsets.UTF_8)).contains(a + ",LIFE_CARE,189000,189000");
        mvc.perform(post("/api/v1/ltc/settlements/" + id + "/approval").header("Authorization", s.officer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        // approval freezes the month's lines already
        String frozen = s.submit(List.of(LtcScenario.visit(prefix + 22, a, "2026-04-22", prefix, "CARER", 1, 60,
                LtcScenario.HOME_LAT, LtcScenario.item("SAMPLE-LC-001", 1))));
        assertThat(JsonPath.<List<String>>read(frozen, "$.results[0].reasons")).containsExactly("MONTH_LOCKED");
        mvc.perform(post("/api/v1/ltc/settlements/" + id + "/lock").header("Authorization", s.officer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("LOCKED"));
        mvc.perform(post("/api/v1/ltc/settlements").header("Authorization", s.officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regionCode\":\"" + s.street + "\",\"month\":\"2026-04\"}"))
                .andExpect(status().isConflict());
        // a changed line and a new line of the locked month are both refused, and nothing is stored
        String late = s.submit(List.of(
                LtcScenario.visit(prefix + 1, a, "2026-04-01", prefix, "CARER", 2, 60, LtcScenario.HOME_LAT,
                        LtcScenario.item("SAMPLE-LC-001", 1)),
                LtcScenario.visit(prefix + "new", a, "2026-04-25", prefix, "CARER", 2, 60, LtcScenario.HOME_LAT,
                        LtcScenario.item("SAMPLE-LC-001", 1))));
        assertThat(JsonPath.<List<String>>read(late, "$.results[*].reasons[0]"))
                .containsExactly("MONTH_LOCKED", "MONTH_LOCKED");
        assertThat(download(id, "csv")).isEqualTo(approved);
        String statement = s.statement(a, "2026-04");
        assertThat(JsonPath.<String>read(statement, "$.runStatus")).isEqualTo("LOCKED");
    }

    @Test
    void aCorrectionOfALockedMonthIsAnAdjustmentSettledInTheNextOpenMonth() throws Exception {
        String a = s.beneficiary("EMPLOYEE", "LONG_TERM", 3, "HOME", "2027-12-31");
        s.plan(a, "\"dailyVisits\":true,\"minutesPerVisit\":60", "SAMPLE-LC-001");
        List<String> august = new ArrayList<>();
        for (int d = 1; d <= 10; d++) {
            august.add(LtcScenario.visit(prefix + d, a, "2026-08-%02d".formatted(d), prefix, "CARER", 1, 60,
                    LtcScenario.HOME_LAT, LtcScenario.item("SAMPLE-LC-001", 3)));
        }
        s.submit(august);
        String id = JsonPath.read(s.settle("2026-08"), "$.id");
        s.send(s.officer, "/api/v1/ltc/settlements/" + id + "/approval", "");
        s.send(s.officer, "/api/v1/ltc/settlements/" + id + "/lock", "");
        byte[] locked = download(id, "csv");

        String correction = LtcScenario.visit(prefix + 5, a, "2026-08-05", prefix, "CARER", 1, 60,
                LtcScenario.HOME_LAT, LtcScenario.item("SAMPLE-LC-001", 5));
        assertThat(JsonPath.<List<String>>read(s.submit(List.of(correction)), "$.results[0].reasons"))
                .containsExactly("MONTH_LOCKED");
        String adjustment = correction.replace("\"items\"", "\"adjustment\":true,\"items\"");
        String answer = s.submit(List.of(adjustment,
                LtcScenario.visit(prefix + "sep", a, "2026-09-01", prefix, "CARER", 1, 60, LtcScenario.HOME_LAT,
                        LtcScenario.item("SAMPLE-LC-001", 1))));
        assertThat(JsonPath.<List<String>>read(answer, "$.results[*].outcome")).containsOnly("ACCEPTED");
        assertThat(JsonPath.<List<Boolean>>read(s.submit(List.of(adjustment)), "$.results[*].written"))
                .containsExactly(false);
        mvc.perform(get("/api/v1/ltc/service-records").param("month", "2026-08").header("Authorization", s.staff))
                .andExpect(jsonPath("$[?(@.recordId=='" + prefix + "5')].settleMonth")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("2026-08", "2026-09")));

        s.settle("2026-09");
        String september = s.statement(a, "2026-09");
        // September's own day: 30 元 × 90% = 27 元. August again with day 5 at 5 × 30 = 150 元 (limited to 105 元):
        // eligible 9 × 90 + 105 = 915 元 × 90% = 823.50 元, 13.50 元 more than the 810 元 locked in August;
        // cost 960 元, 60 元 more. The September statement pays 27 + 13.50 = 40.50 元 on 30 + 60 = 90 元.
        assertThat(JsonPath.<Integer>read(september, "$.fundPayFen")).isEqualTo(4_050);
        assertThat(JsonPath.<Integer>read(september, "$.totalCostFen")).isEqualTo(9_000);
        List<String> adjusted = JsonPath.read(september, "$.lines[?(@.forMonth=='2026-08')].note");
        assertThat(adjusted).containsExactly("ADJUSTMENT");
        assertThat(JsonPath.<List<Integer>>read(september, "$.lines[?(@.forMonth=='2026-08')].fundPayFen"))
                .containsExactly(1_350);
        assertThat(download(id, "csv")).isEqualTo(locked);
    }

    @Test
    void aCancelledLineOfALockedMonthIsReversedInTheNextOpenMonth() throws Exception {
        String a = s.beneficiary("EMPLOYEE", "LONG_TERM", 3, "HOME", "2027-12-31");
        s.plan(a, "\"dailyVisits\":true,\"minutesPerVisit\":60", "SAMPLE-LC-001");
        String b = s.beneficiary("EMPLOYEE", "LONG_TERM", 3, "HOME", "2027-12-31");
        s.plan(b, "\"dailyVisits\":true,\"minutesPerVisit\":60", "SAMPLE-LC-001");
        List<String> october = new ArrayList<>();
        for (int d = 1; d <= 10; d++) {
            october.add(LtcScenario.visit(prefix + "a" + d, a, "2026-10-%02d".formatted(d), prefix, "CARER", 1, 60,
                    LtcScenario.HOME_LAT, LtcScenario.item("SAMPLE-LC-001", 3)));
        }
        october.add(LtcScenario.visit(prefix + "b1", b, "2026-10-01", prefix + "B", "CARER", 1, 60,
                LtcScenario.HOME_LAT, LtcScenario.item("SAMPLE-LC-001", 1)));
        s.submit(october);
        String id = JsonPath.read(s.settle("2026-10"), "$.id");
        s.send(s.officer, "/api/v1/ltc/settlements/" + id + "/approval", "");
        s.send(s.officer, "/api/v1/ltc/settlements/" + id + "/lock", "");
        byte[] locked = download(id, "csv");
        s.submit(List.of(
                LtcScenario.visit(prefix + "n1", a, "2026-11-01", prefix, "CARER", 1, 60, LtcScenario.HOME_LAT,
                        LtcScenario.item("SAMPLE-LC-001", 1)),
                LtcScenario.visit(prefix + "n2", a, "2026-11-02", prefix, "CARER", 1, 60, LtcScenario.HOME_LAT,
                        LtcScenario.item("SAMPLE-LC-001", 1))));

        String cancellation = "{\"designatedProviderId\":\"" + s.designated + "\",\"recordIds\":[\"" + prefix
                + "a5\",\"" + prefix + "b1\",\"" + prefix + "n2\",\"" + prefix + "nope\"]}";
        String answer = s.send(s.staff, "/api/v1/ltc/service-records/cancellations", cancellation);
        assertThat(JsonPath.<List<String>>read(answer, "$.results[*].outcome"))
                .containsExactly("CANCELLED", "CANCELLED", "CANCELLED", "REJECTED");
        assertThat(JsonPath.<List<String>>read(answer, "$.results[3].reasons")).containsExactly("RECORD_UNKNOWN");
        // the same cancellation again changes nothing
        assertThat(JsonPath.<List<Boolean>>read(s.send(s.staff, "/api/v1/ltc/service-records/cancellations",
                cancellation), "$.results[*].written")).containsExactly(false, false, false, false);
        // the frozen October line is kept as it was; its cancellation is settled in November
        mvc.perform(get("/api/v1/ltc/service-records").param("month", "2026-10").header("Authorization", s.staff))
                .andExpect(jsonPath("$[?(@.recordId=='" + prefix + "a5')].outcome")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("ACCEPTED", "CANCELLED")))
                .andExpect(jsonPath("$[?(@.recordId=='" + prefix + "a5' && @.outcome=='CANCELLED')].settleMonth")
                        .value(org.hamcrest.Matchers.contains("2026-11")));

        s.settle("2026-11");
        String novemberA = s.statement(a, "2026-11");
        // November's own day (day 2 withdrawn): 30 元 × 90% = 27 元. October again without day 5: 9 days × 90 元 =
        // 810 元 × 90% = 729 元, 81 元 less than the 810 元 locked; cost 90 元 less. 27 − 81 = −54 元 on 30 − 90 = −60 元.
        assertThat(JsonPath.<Integer>read(novemberA, "$.fundPayFen")).isEqualTo(-5_400);
        assertThat(JsonPath.<Integer>read(novemberA, "$.totalCostFen")).isEqualTo(-6_000);
        assertThat(JsonPath.<List<Integer>>read(novemberA, "$.lines[?(@.forMonth=='2026-10')].fundPayFen"))
                .containsExactly(-8_100);
        // b's only October line withdrawn: what was settled for October (30 元, fund 27 元) is reversed
        String novemberB = s.statement(b, "2026-11");
        assertThat(JsonPath.<List<String>>read(novemberB, "$.lines[*].note")).containsExactly("ADJUSTMENT");
        assertThat(JsonPath.<Integer>read(novemberB, "$.fundPayFen")).isEqualTo(-2_700);
        assertThat(JsonPath.<Integer>read(novemberB, "$.totalCostFen")).isEqualTo(-3_000);
        assertThat(download(id, "csv")).isEqualTo(locked);
    }

    @Test
    void providerStaffSeeOnlyTheirOwnStatementLines() throws Exception {
        String a = s.beneficiary("EMPLOYEE", "LONG_TERM", 1, "INSTITUTION", "2027-12-31");
        s.plan(a, "\"visitsPerMonth\":0,\"minutesPerVisit\":0", "SAMPLE-LC-002");
        s.submit(List.of(LtcScenario.day(prefix + 1, a, "2026-05-04", 0, LtcScenario.item("SAMPLE-LC-002", 1))));
        String id = JsonPath.read(s.settle("2026-05"), "$.id");
        mvc.perform(get("/api/v1/ltc/settlements/" + id).header("Authorization", s.staff))
                .andExpect(status().isOk()).andExpect(jsonPath("$.providers.length()").value(1));
        String stranger = org.yiyang.testsupport.Api.bearer(mvc, world.providerStaff(LtcWorld.TIANHE,
                UUID.randomUUID()), TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/ltc/settlements/" + id).header("Authorization", stranger))
                .andExpect(status().isNotFound());
    }

    private byte[] download(String id, String ext) throws Exception {
        return mvc.perform(get("/api/v1/ltc/settlements/" + id + "/statement." + ext)
                        .header("Authorization", s.officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    /** Every category line of the stored settlement equals the calculator's line for the same month. */
    private void assertSameAsCalculator(String statement, String request) throws Exception {
        String calc = mvc.perform(post("/api/v1/ltc/calculate").header("Authorization", s.officer)
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(statement, "$.fundPayFen"))
                .isEqualTo(JsonPath.<Integer>read(calc, "$.fundPayFen"));
        assertThat(JsonPath.<Integer>read(statement, "$.totalCostFen"))
                .isEqualTo(JsonPath.<Integer>read(calc, "$.totalCostFen"));
        List<Map<String, Object>> stored = JsonPath.read(statement, "$.lines");
        List<Map<String, Object>> calculated = JsonPath.read(calc, "$.lines");
        assertThat(stored).hasSameSizeAs(calculated);
        for (int i = 0; i < stored.size(); i++) {
            for (String field : List.of("category", "costFen", "eligibleCostFen", "limitFen", "ratioBp",
                    "fundPayFen", "note")) {
                assertThat(String.valueOf(stored.get(i).get(field))).as(field + " of " + stored.get(i).get("category"))
                        .isEqualTo(String.valueOf(calculated.get(i).get(field)));
            }
        }
    }
}
