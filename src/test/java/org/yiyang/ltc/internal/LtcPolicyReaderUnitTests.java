package org.yiyang.ltc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.yiyang.ltc.CareForm;
import org.yiyang.ltc.InsuredType;
import org.yiyang.ltc.LtcFixtures;
import org.yiyang.ltc.LtcPolicy;
import org.yiyang.shared.PolicyVersion.PolicyStatus;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class LtcPolicyReaderUnitTests {

    @Test
    void readsTheShippedGuangzhouPolicyWithItsSource() {
        LtcPolicy p = LtcFixtures.guangzhou();
        assertThat(p.id()).isEqualTo("GZ-LTC-2024-1");
        assertThat(p.version().docNo()).isEqualTo("穗医保规字〔2024〕1号");
        assertThat(p.version().issuer()).contains("广州市医疗保障局");
        assertThat(p.version().effectiveFrom()).isEqualTo(LocalDate.of(2024, 1, 3));
        assertThat(p.version().effectiveTo()).isEqualTo(LocalDate.of(2027, 1, 2)); // 3 years − 1 day, derived
        assertThat(p.version().status()).isEqualTo(PolicyStatus.VERIFIED_FROM_OFFICIAL_TEXT);
        assertThat(p.rounding()).isEqualTo(RoundingMode.HALF_UP);
        assertThat(p.localDefault(LtcPolicy.ROUNDING).orElseThrow().status()).isEqualTo(PolicyStatus.LOCAL_DEFAULT);
        var l2Home = p.lifeCareLimit(2, CareForm.HOME, InsuredType.EMPLOYEE).orElseThrow();
        assertThat(l2Home.amountFen()).isEqualTo(90_000); // the spec's own example: 900 元/月, 第十五条(二)
        assertThat(l2Home.article()).isEqualTo("第十五条(二)");
        assertThat(p.medicalFundMaximum(1, InsuredType.EMPLOYEE)).isEmpty();
        assertThat(p.deviceLimit(3, CareForm.INSTITUTION, InsuredType.EMPLOYEE)).isEmpty();
        assertThat(p.assessmentFees()).hasSize(5);
        assertThat(p.limits()).allSatisfy(l -> assertThat(l.article()).startsWith("第"));
    }

    @Test
    void refusesANegativeAmountNamingIt() {
        assertFault(root -> ((ObjectNode) root.get("limits").get(0)).put("amountFen", -1),
                "limits[0].amountFen must be a whole number of fen");
    }

    @Test
    void refusesAMissingLifeCareLimit() {
        assertFault(root -> ((ArrayNode) root.get("limits")).remove(0),
                "no life-care limit for level 3, INSTITUTION, EMPLOYEE");
    }

    @Test
    void refusesTwoLimitsForOneCase() {
        assertFault(root -> ((ArrayNode) root.get("limits")).add(root.get("limits").get(0).deepCopy()),
                "two limits for LIFE_CARE/ELIGIBLE_COST/level 3/INSTITUTION/EMPLOYEE");
    }

    @Test
    void refusesARatioAbove100Percent() {
        assertFault(root -> ((ObjectNode) root.get("ratios").get(0)).put("basisPoints", 10_001),
                "ratios[0].basisPoints must be a whole number from 0 to 10000");
    }

    @Test
    void refusesAMissingRatio() {
        assertFault(root -> ((ArrayNode) root.get("ratios")).remove(0), "0 ratios for LIFE_CARE");
    }

    @Test
    void refusesASubLimitAboveItsLimit() {
        assertFault(root -> ((ObjectNode) root.get("limits").get(0).get("subLimit")).put("amountFen", 999_999),
                "limits[0].subLimit.amountFen is above the limit");
    }

    @Test
    void refusesAnUnknownRoundingMode() {
        assertFault(root -> ((ObjectNode) root.get("localDefaults").get(0)).put("value", "ROUND_ABOUT"),
                "localDefaults.ltc.rounding is not a rounding mode");
    }

    @Test
    void refusesALocalDefaultPresentedAsOfficial() {
        assertFault(root -> ((ObjectNode) root.get("localDefaults").get(0)).put("status",
                "VERIFIED_FROM_OFFICIAL_TEXT"), "must be labelled LOCAL_DEFAULT");
    }

    @Test
    void refusesAMissingVisitRuleAndAMissingDocNo() {
        assertFault(root -> {
            ((ArrayNode) root.get("visitRules")).remove(5);
            ((ObjectNode) root).remove("docNo");
        }, "docNo is missing", "0 rules for level 1, RESIDENT");
    }

    @Test
    void readsTheBenefitRulesAndRefusesAContinuingPeriodThatEndsBeforeItCanStart() {
        var rules = LtcPolicyReader.read(LtcFixtures.policyJson(), "2024-1.json").benefitRules();
        assertThat(rules.longTermMinDisabilityMonths()).isEqualTo(6);
        assertThat(rules.continuingMinMonths()).isEqualTo(1);
        assertThat(rules.continuingMaxMonths()).isEqualTo(3);
        assertThat(rules.continuingTimesPerYear()).isEqualTo(2);
        assertFault(root -> ((ObjectNode) root.get("benefitRules")).put("continuingMaxMonths", 0),
                "benefitRules.continuingMaxMonths must be a whole number from 1");
        assertFault(root -> ((ObjectNode) root).remove("benefitRules"), "benefitRules is missing");
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        assertFault(root -> ((ObjectNode) root).put("effectiveTo", "2023-01-01"), "effectiveTo is before");
    }

    private static void assertFault(Consumer<tools.jackson.databind.JsonNode> damage, String... expected) {
        var root = LtcFixtures.policyJson();
        damage.accept(root);
        assertThatThrownBy(() -> LtcPolicyReader.read(root, "broken.json"))
                .isInstanceOf(LtcPolicyReader.InvalidLtcPolicy.class)
                .hasMessageContaining("broken.json")
                .hasMessageContainingAll(expected);
    }
}
