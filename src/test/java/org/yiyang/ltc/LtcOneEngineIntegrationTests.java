package org.yiyang.ltc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.TestUsers;

/**
 * One engine: the calculator endpoint answers exactly what the settlement engine computes for the same month, line by
 * line, on random months from a fixed seed. (When settlement runs exist, they join this comparison.)
 */
@IntegrationTest
class LtcOneEngineIntegrationTests {
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired LtcPolicies policies;
    @Autowired LtcSettlementEngine engine;

    @Test
    void theCalculatorAgreesWithTheSettlementEngine() throws Exception {
        String token = Api.bearer(mvc, users.create(Role.LTC_OFFICER, "440100000000"), TestUsers.PASSWORD);
        var random = new Random(20261128L);
        for (int i = 0; i < 120; i++) {
            MonthCase c = LtcSettlementPropertyUnitTests.randomCase(random);
            MonthSettlement expected = engine.settle(policies.forMonth(c.month()).orElseThrow(), c);
            String body = mvc.perform(post("/api/v1/ltc/calculate").header("Authorization", token)
                            .contentType(MediaType.APPLICATION_JSON).content(json(c)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(((Number) JsonPath.read(body, "$.fundPayFen")).longValue()).as(body)
                    .isEqualTo(expected.fundPayFen());
            assertThat(((Number) JsonPath.read(body, "$.selfPayFen")).longValue()).isEqualTo(expected.selfPayFen());
            assertThat((String) JsonPath.read(body, "$.policy")).isEqualTo(expected.policyId());
            List<Number> lineFunds = JsonPath.read(body, "$.lines[*].fundPayFen");
            List<Number> lineEligible = JsonPath.read(body, "$.lines[*].eligibleCostFen");
            assertThat(lineFunds.stream().map(Number::longValue).toList())
                    .isEqualTo(expected.lines().stream().map(SettlementLine::fundPayFen).toList());
            assertThat(lineEligible.stream().map(Number::longValue).toList())
                    .isEqualTo(expected.lines().stream().map(SettlementLine::eligibleCostFen).toList());
        }
    }

    static String json(MonthCase c) {
        return "{\"insuredType\":\"" + c.insuredType() + "\",\"group\":\"" + c.group() + "\""
                + (c.group() == BenefitGroup.LONG_TERM ? ",\"ltcLevel\":" + c.level() : "")
                + ",\"careForm\":\"" + c.careForm() + "\",\"month\":\"" + c.month() + "\""
                + ",\"dailyLifeCareCostFen\":" + list(c.dailyLifeCareFen())
                + (c.dailyBedFeeFen().isEmpty() ? "" : ",\"dailyBedFeeFen\":" + list(c.dailyBedFeeFen()))
                + ",\"medicalCareCostFen\":" + c.medicalCareFen()
                + ",\"medicalConsumablesFen\":" + c.medicalConsumablesFen()
                + ",\"deviceCostFen\":" + c.deviceFen() + ",\"visits\":" + c.visits()
                + ",\"visitMinutes\":" + c.visitMinutes() + ",\"monthsUsedInValidity\":" + c.monthsUsedInValidity()
                + "}";
    }

    static String list(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }
}
