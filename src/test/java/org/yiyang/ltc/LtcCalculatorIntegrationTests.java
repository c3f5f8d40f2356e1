package org.yiyang.ltc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/** POST /api/v1/ltc/calculate: the settlement engine applied to one month given inline. */
@IntegrationTest
class LtcCalculatorIntegrationTests {
    static final String URL = "/api/v1/ltc/calculate";

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    String officer;

    @BeforeEach
    void setUp() throws Exception {
        officer = Api.bearer(mvc, users.create(Role.LTC_OFFICER, "440100000000"), TestUsers.PASSWORD);
    }

    ResultActions calculate(String token, String body, String language) throws Exception {
        return mvc.perform(post(URL).header("Authorization", token).header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void settlesAFullMonthAsTheGoldenCase() throws Exception {
        // The golden case "a full month of all categories" (LtcSettlementGoldenUnitTests): employee, level 3, home,
        // 31 days × 110 元, medical 1,500 元 of which 200 元 consumables, devices 400 元.
        // life care 31 × 105 × 90% = 2,929.50; medical 180 + 820 = 1,000; device 300 × 90% = 270 → 4,199.50 元
        String days = "11000,".repeat(30) + "11000";
        calculate(officer, """
                {"insuredType":"EMPLOYEE","ltcLevel":3,"careForm":"HOME","month":"2026-01",
                 "dailyLifeCareCostFen":[%s],"medicalCareCostFen":150000,"medicalConsumablesFen":20000,
                 "deviceCostFen":40000}""".formatted(days), "en")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.policy").value("GZ-LTC-2024-1"))
                .andExpect(jsonPath("$.policyDocNo").value("穗医保规字〔2024〕1号"))
                .andExpect(jsonPath("$.fundPayFen").value(419_950))
                .andExpect(jsonPath("$.totalCostFen").value(531_000))
                .andExpect(jsonPath("$.selfPayFen").value(111_050)) // 5,310 − 4,199.50 元
                .andExpect(jsonPath("$.lines", hasSize(4)))
                .andExpect(jsonPath("$.lines[0].category").value("LIFE_CARE"))
                .andExpect(jsonPath("$.lines[0].dailyLimitFen").value(10_500))
                .andExpect(jsonPath("$.lines[0].eligibleCostFen").value(325_500))
                .andExpect(jsonPath("$.lines[0].ratioBp").value(9_000))
                .andExpect(jsonPath("$.lines[0].fundPayFen").value(292_950))
                .andExpect(jsonPath("$.lines[0].policy").value("GZ-LTC-2024-1"))
                .andExpect(jsonPath("$.lines[1].category").value("MEDICAL_CARE"))
                .andExpect(jsonPath("$.lines[1].limitKind").value("FUND_MAX"))
                .andExpect(jsonPath("$.lines[1].fundPayFen").value(82_000))
                .andExpect(jsonPath("$.lines[1].note").value("FUND_MAXIMUM"))
                .andExpect(jsonPath("$.lines[1].noteText", containsString("¥1,000.00")))
                .andExpect(jsonPath("$.lines[2].fundPayFen").value(18_000))
                .andExpect(jsonPath("$.lines[3].fundPayFen").value(27_000))
                .andExpect(jsonPath("$.warnings[*].code", hasItem("ROUNDING_LOCAL_DEFAULT")));
    }

    @Test
    void answersInChineseByDefaultAndShowsAZeroLineForDevicesInAnInstitution() throws Exception {
        calculate(officer, """
                {"insuredType":"RESIDENT","group":"CONTINUING","careForm":"INSTITUTION","month":"2026-03",
                 "dailyLifeCareCostFen":[8000,8000],"dailyBedFeeFen":[1000,1000],"deviceCostFen":5000}""", "zh-CN")
                .andExpect(status().isOk())
                // continuing care at level-3 resident limits: 2 × min(80 + 10, 60) = 120 元 × 70% = 84 元
                .andExpect(jsonPath("$.lines[0].fundPayFen").value(8_400))
                .andExpect(jsonPath("$.lines[3].category").value("DEVICE"))
                .andExpect(jsonPath("$.lines[3].fundPayFen").value(0))
                .andExpect(jsonPath("$.lines[3].note").value("DEVICE_NOT_IN_INSTITUTION"))
                .andExpect(jsonPath("$.lines[3].noteText", containsString("定点护理机构")))
                // fund 84 元; cost 2 × 90 + 50 = 230 元; own share 146 元
                .andExpect(jsonPath("$.selfPayFen").value(14_600));
    }

    @Test
    void paysNoLifeCareWhenTheVisitMinimumIsMissed() throws Exception {
        // employee level 2 at home: 11 < 12 visits → life care 0; own share the whole 600 元
        calculate(officer, """
                {"insuredType":"EMPLOYEE","ltcLevel":2,"careForm":"HOME","month":"2026-01",
                 "dailyLifeCareCostFen":[5000,5000,5000,5000,5000,5000,5000,5000,5000,5000,5000,5000],
                 "visits":11,"visitMinutes":1680,"monthsUsedInValidity":0}""", "en")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fundPayFen").value(0))
                .andExpect(jsonPath("$.selfPayFen").value(60_000))
                .andExpect(jsonPath("$.lines[0].note").value("VISIT_MINIMUM_NOT_MET"));
    }

    @Test
    void warnsWhenThePolicyCoversOnlyPartOfTheMonth() throws Exception {
        calculate(officer, """
                {"insuredType":"EMPLOYEE","ltcLevel":3,"careForm":"INSTITUTION","month":"2024-01",
                 "dailyLifeCareCostFen":[10000]}""", "en")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warnings[*].code", hasItem("POLICY_COVERS_PART_OF_MONTH")));
    }

    @Test
    void namesEachFieldThatMakesNoSense() throws Exception {
        calculate(officer, """
                {"insuredType":"EMPLOYEE","ltcLevel":4,"careForm":"HOME","month":"2026-02",
                 "dailyLifeCareCostFen":[%s],"dailyBedFeeFen":[100],"medicalCareCostFen":-1,
                 "deviceCostFen":-5}""".formatted("100,".repeat(28) + "100"), "en")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("ltcLevel")))
                .andExpect(jsonPath("$.errors[?(@.field=='ltcLevel')].code").value(hasItem("LTC_LEVEL_RANGE")))
                .andExpect(jsonPath("$.errors[?(@.field=='dailyLifeCareCostFen')].code")
                        .value(hasItem("LTC_TOO_MANY_DAYS")))
                .andExpect(jsonPath("$.errors[?(@.field=='dailyBedFeeFen')].code")
                        .value(hasItem("LTC_BED_FEE_INSTITUTION_ONLY")))
                .andExpect(jsonPath("$.errors[?(@.field=='medicalCareCostFen')].code")
                        .value(hasItem("LTC_NEGATIVE_AMOUNT")))
                .andExpect(jsonPath("$.errors[?(@.field=='deviceCostFen')].code")
                        .value(hasItem("LTC_NEGATIVE_AMOUNT")))
                .andExpect(jsonPath("$.errors[?(@.field=='ltcLevel')].message")
                        .value(hasItem("The LTC level is 1, 2 or 3.")));
    }

    @Test
    void refusesConsumablesAboveTheMedicalCostAndANegativeDay() throws Exception {
        calculate(officer, """
                {"insuredType":"RESIDENT","ltcLevel":2,"careForm":"INSTITUTION","month":"2026-01",
                 "dailyLifeCareCostFen":[100,-1],"dailyBedFeeFen":[100],
                 "medicalCareCostFen":1000,"medicalConsumablesFen":1001}""", "zh-CN")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field=='medicalConsumablesFen')].code")
                        .value(hasItem("LTC_CONSUMABLES_ABOVE_MEDICAL")))
                .andExpect(jsonPath("$.errors[?(@.field=='dailyLifeCareCostFen[1]')].code")
                        .value(hasItem("LTC_NEGATIVE_AMOUNT")))
                .andExpect(jsonPath("$.errors[?(@.field=='dailyBedFeeFen')].code").value(hasItem("LTC_BED_FEE_DAYS")))
                .andExpect(jsonPath("$.errors[?(@.field=='medicalConsumablesFen')].message")
                        .value(hasItem("护理耗材属于医疗护理费用，不能超过医疗护理费用。")));
    }

    @Test
    void requiresTheBasicsAndAMonthWithAPolicy() throws Exception {
        calculate(officer, "{\"month\":\"2023-12\"}", "en")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field=='insuredType')].code").value(hasItem("REQUIRED")))
                .andExpect(jsonPath("$.errors[?(@.field=='careForm')].code").value(hasItem("REQUIRED")))
                .andExpect(jsonPath("$.errors[?(@.field=='ltcLevel')].code").value(hasItem("REQUIRED")))
                .andExpect(jsonPath("$.errors[?(@.field=='month')].code").value(hasItem("LTC_NO_POLICY_FOR_MONTH")));
        calculate(officer, "{\"insuredType\":\"EMPLOYEE\",\"ltcLevel\":1,\"careForm\":\"HOME\",\"month\":\"01/2026\"}",
                "en")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field=='month')].code").value(hasItem("LTC_MONTH_FORMAT")));
    }

    @Test
    void requiresVisitsForHomeCareAtLevels1And2AndRefusesNegativeCounts() throws Exception {
        calculate(officer, """
                {"insuredType":"EMPLOYEE","ltcLevel":1,"careForm":"HOME","month":"2026-01",
                 "dailyLifeCareCostFen":[5000],"visitMinutes":-1,"deviceCostFen":1000000000}""", "en")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field=='visits')].code").value(hasItem("REQUIRED")))
                .andExpect(jsonPath("$.errors[?(@.field=='visitMinutes')].code").value(hasItem("LTC_NEGATIVE_COUNT")))
                .andExpect(jsonPath("$.errors[?(@.field=='monthsUsedInValidity')].code").value(hasItem("REQUIRED")))
                .andExpect(jsonPath("$.errors[?(@.field=='deviceCostFen')].code")
                        .value(hasItem("LTC_AMOUNT_TOO_LARGE")));
    }

    @Test
    void refusesAnUnknownProperty() throws Exception {
        calculate(officer, "{\"insuredType\":\"EMPLOYEE\",\"bonusFen\":1}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_PROPERTY"));
    }

    @Test
    void anonymousCallersAreRefused() throws Exception {
        mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void rolesOutsideTheRuleAreRefused() throws Exception {
        String assessor = Api.bearer(mvc, users.create(Role.ASSESSOR, "440100000000"), TestUsers.PASSWORD);
        calculate(assessor, "{}", "en").andExpect(status().isForbidden());
    }

    @Test
    void providerStaffAndStreetWorkersMayUseIt() throws Exception {
        for (Role role : new Role[] {Role.PROVIDER_STAFF, Role.STREET_WORKER}) {
            String token = Api.bearer(mvc, users.create(role, "440106000000"), TestUsers.PASSWORD);
            calculate(token, """
                    {"insuredType":"RESIDENT","ltcLevel":1,"careForm":"INSTITUTION","month":"2026-01",
                     "dailyLifeCareCostFen":[1000]}""", "en")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.fundPayFen").value(700)); // 10 元 × 70% = 7 元
        }
    }
}
