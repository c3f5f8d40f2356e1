package org.yiyang.eligibility.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.yiyang.eligibility.internal.CompiledServiceList.ItemOutcome;
import tools.jackson.databind.json.JsonMapper;

/**
 * Golden cases of the community care subsidy (穗府办规〔2022〕13号 第二十四–二十六条) on the shipped Guangzhou list,
 * with the 2025 低保 standard of 1,309 元 (穗民规字〔2025〕2号). Thresholds are computed from the spec's figures here,
 * never pasted.
 */
class GuangzhouListGoldenUnitTests {
    static final long DIBAO_FEN = 1309_00;
    /** 经济困难: per-capita income below 2.5 × 低保 (第二十四条; spec §5) = 3,272.50 元. */
    static final long THRESHOLD_FEN = BigDecimal.valueOf(DIBAO_FEN).multiply(new BigDecimal("2.5")).longValueExact();
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    static final String GZ = "440106001001";

    static CompiledServiceList list() throws Exception {
        try (InputStream in = GuangzhouListGoldenUnitTests.class
                .getResourceAsStream("/policy/guangzhou/service-list/GZ-2024-SEED.json")) {
            return ServiceListReader.read(JsonMapper.builder().build().readTree(in), "GZ-2024-SEED.json");
        }
    }

    /** An elder aged {@code age} on the first of the month, Guangzhou hukou, at home, with a level-0 assessment. */
    static Facts elder(int age) {
        return new Facts(AS_OF, AS_OF.withDayOfMonth(1).minusYears(age), GZ, GZ, Set.of(), "WITH_FAMILY", true,
                10_000_00L, 0, null, DIBAO_FEN);
    }

    static Facts with(Facts f, @Nullable String arrangement, @Nullable Long income, @Nullable Integer level,
                      String... tags) {
        return new Facts(f.asOf(), f.birthDate(), f.hukouRegion(), f.residenceRegion(), Set.of(tags), arrangement,
                Facts.livingAtHomeOf(arrangement), income, level, f.ltcInsuredType(), f.dibaoStandardFen());
    }

    static Map<String, ItemOutcome> evaluate(Facts facts) throws Exception {
        return list().evaluate(facts, "zh-CN").stream()
                .collect(Collectors.toMap(o -> o.item().code(), o -> o));
    }

    @Test
    void thresholdIsTwoAndAHalfTimesTheDibaoStandard() {
        // 1,309.00 元 × 2.5 = 3,272.50 元 (spec §5, derived)
        assertThat(THRESHOLD_FEN).isEqualTo(3272_50L);
    }

    @Test
    void tekunScatteredGetsTheFirstClass() throws Exception {
        var result = evaluate(with(elder(65), "WITH_FAMILY", null, 0, "TEKUN_SCATTERED"));
        assertThat(result.get("COMMUNITY_SUBSIDY_1").eligible()).isTrue();
        // income unknown, but level 0 without dementia already rules the second class out (false && unknown = false)
        assertThat(result.get("COMMUNITY_SUBSIDY_2").eligible()).isFalse();
        assertThat(result.get("COMMUNITY_SUBSIDY_SEVERE").eligible()).isFalse(); // level 0
    }

    @Test
    void livingAloneAtEightyButNotAtSeventyNine() throws Exception {
        // first class, condition 3: aged 80+ living alone (age counted on the first day of the month)
        assertThat(evaluate(with(elder(80), "ALONE", 10_000_00L, 0)).get("COMMUNITY_SUBSIDY_1").eligible()).isTrue();
        assertThat(evaluate(with(elder(79), "ALONE", 10_000_00L, 0)).get("COMMUNITY_SUBSIDY_1").eligible()).isFalse();
        // turning 80 on the 2nd of the month: still 79 on the 1st, so not yet this month
        Facts turning = new Facts(AS_OF, AS_OF.withDayOfMonth(2).minusYears(80), GZ, GZ, Set.of(), "ALONE", true,
                10_000_00L, 0, null, DIBAO_FEN);
        assertThat(evaluate(turning).get("COMMUNITY_SUBSIDY_1").eligible()).isFalse();
    }

    @Test
    void livingOnlyWithASeverelyDisabledChildCountsLikeLivingAlone() throws Exception {
        assertThat(evaluate(with(elder(70), "ONLY_WITH_SEVERELY_DISABLED_CHILD", null, 0, "DIBAO"))
                .get("COMMUNITY_SUBSIDY_1").eligible()).isTrue();
        assertThat(evaluate(with(elder(70), "WITH_FAMILY", 10_000_00L, 0, "DIBAO"))
                .get("COMMUNITY_SUBSIDY_1").eligible()).isFalse();
    }

    @Test
    void secondClassNeedsIncomeBelowTheThreshold() throws Exception {
        // 81, with family, moderately disabled (level 2): second class only if economically difficult
        assertThat(evaluate(with(elder(81), "WITH_FAMILY", THRESHOLD_FEN - 1, 2)).get("COMMUNITY_SUBSIDY_2")
                .eligible()).isTrue();
        assertThat(evaluate(with(elder(81), "WITH_FAMILY", THRESHOLD_FEN, 2)).get("COMMUNITY_SUBSIDY_2")
                .eligible()).as("at the threshold: income must be below it").isFalse();
        assertThat(evaluate(with(elder(81), "WITH_FAMILY", THRESHOLD_FEN + 1, 2)).get("COMMUNITY_SUBSIDY_2")
                .eligible()).isFalse();
        var unknownIncome = evaluate(with(elder(81), "WITH_FAMILY", null, 2)).get("COMMUNITY_SUBSIDY_2");
        assertThat(unknownIncome.eligible()).isNull();
        assertThat(unknownIncome.rule().missingFacts()).extracting(f -> f.ruleName()).contains("incomePerCapitaFen");
    }

    @Test
    void secondClassNeedsDisabilityOrDementia() throws Exception {
        assertThat(evaluate(with(elder(81), "WITH_FAMILY", 2900_00L, 0)).get("COMMUNITY_SUBSIDY_2").eligible())
                .isFalse();
        assertThat(evaluate(with(elder(81), "WITH_FAMILY", 2900_00L, 0, "DEMENTIA")).get("COMMUNITY_SUBSIDY_2")
                .eligible()).isTrue();
        // under 80 in a pure elderly household
        assertThat(evaluate(with(elder(70), "PURE_ELDERLY_HOUSEHOLD", 2900_00L, 1)).get("COMMUNITY_SUBSIDY_2")
                .eligible()).isTrue();
        assertThat(evaluate(with(elder(70), "WITH_FAMILY", 2900_00L, 1)).get("COMMUNITY_SUBSIDY_2").eligible())
                .isFalse();
    }

    @Test
    void theHighestStandardAppliesAndTheSevereSupplementAddsOnTop() throws Exception {
        // 83, alone, income 2,900 元, level 3: class 1 (80+ alone) and class 2 both fit; class 1 (400 元) applies
        var result = evaluate(with(elder(83), "ALONE", 2900_00L, 3));
        assertThat(result.get("COMMUNITY_SUBSIDY_1").eligible()).isTrue();
        assertThat(result.get("COMMUNITY_SUBSIDY_1").supersededBy()).isNull();
        assertThat(result.get("COMMUNITY_SUBSIDY_2").eligible()).isTrue();
        assertThat(result.get("COMMUNITY_SUBSIDY_2").supersededBy()).isEqualTo("COMMUNITY_SUBSIDY_1");
        assertThat(result.get("COMMUNITY_SUBSIDY_SEVERE").eligible()).isTrue();
        assertThat(evaluate(with(elder(83), "ALONE", 2900_00L, 4)).get("COMMUNITY_SUBSIDY_SEVERE").eligible())
                .as("level 4 (完全失能) is severe too by default").isTrue();
        assertThat(evaluate(with(elder(83), "ALONE", 2900_00L, 2)).get("COMMUNITY_SUBSIDY_SEVERE").eligible())
                .isFalse();
    }

    @Test
    void theSupplementNeedsASubsidy() throws Exception {
        // level 3 but no class fits (70, with family, high income, no tags)
        var result = evaluate(with(elder(70), "WITH_FAMILY", 10_000_00L, 3));
        assertThat(result.get("COMMUNITY_SUBSIDY_1").eligible()).isFalse();
        assertThat(result.get("COMMUNITY_SUBSIDY_2").eligible()).isFalse();
        assertThat(result.get("COMMUNITY_SUBSIDY_SEVERE").eligible()).isFalse();
    }

    @Test
    void withoutAnAssessmentTheSubsidyIsUndecidedNotRefused() throws Exception {
        var result = evaluate(with(elder(85), "ALONE", 2900_00L, null)).get("COMMUNITY_SUBSIDY_1");
        assertThat(result.eligible()).isNull();
        assertThat(result.rule().missingFacts()).extracting(f -> f.ruleName()).containsExactly("careLevel");
    }

    @Test
    void hukouOutsideTheCityGetsNoSubsidy() throws Exception {
        Facts outside = new Facts(AS_OF, LocalDate.of(1930, 1, 1), "445102001001", GZ, Set.of("TEKUN_SCATTERED"),
                "ALONE", true, 0L, 3, null, DIBAO_FEN);
        var result = evaluate(outside);
        assertThat(result.get("COMMUNITY_SUBSIDY_1").eligible()).isFalse();
        assertThat(result.get("MEAL_DINER_SUBSIDY").eligible()).isFalse();
        assertThat(result.get("REGULAR_VISITS").eligible()).as("visits are for residents, whatever the hukou")
                .isTrue();
    }

    @Test
    void theTraceShowsEveryClauseWithItsActualValues() throws Exception {
        var result = evaluate(with(elder(83), "WITH_FAMILY", 2900_00L, 2)).get("COMMUNITY_SUBSIDY_2");
        assertThat(result.eligible()).isTrue();
        assertThat(result.rule().trace()).anySatisfy(c -> {
            assertThat(c.clause()).isEqualTo("age >= 80");
            assertThat(c.actual()).isEqualTo("83 >= 80");
            assertThat(c.result()).isTrue();
        }).anySatisfy(c -> {
            assertThat(c.clause()).isEqualTo("经济困难: incomePerCapitaFen < dibaoStandardFen * econDifficultMultiplier");
            assertThat(c.actual()).isEqualTo("2,900.00 < 3,272.50");
            assertThat(c.result()).isTrue();
        }).anySatisfy(c -> {
            assertThat(c.clause()).isEqualTo("失能: careLevel >= disabledMinLevel");
            assertThat(c.actual()).isEqualTo("2 >= 1");
        });
    }
}
