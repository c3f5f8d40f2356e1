package org.yiyang.eligibility.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The supported CEL subset: what loads, what is refused at load time, and three-valued evaluation. */
class RuleSubsetUnitTests {
    private final RuleEnvironment environment = new RuleEnvironment(Map.of(
            "minAge", BigDecimal.valueOf(60), "levels", List.of(BigDecimal.valueOf(3), BigDecimal.valueOf(4)),
            "multiplier", new BigDecimal("2.5"), "prefix", "4401"));

    @ParameterizedTest
    @ValueSource(strings = {
            "[1, 2].exists(x, x > 1)",          // macros
            "size(tags) > 1",                   // other functions
            "age / 2 > 30",                     // division
            "(age > 60 ? true : false)",        // conditional
            "hukouRegion.endsWith(\"01\")",     // string functions other than startsWith
            "tags == [\"DIBAO\"]",              // tags used as a value
            "careLevel in [1, careLevel]",      // a list that is not constant
            "hukouRegion.startsWith(hukouRegion)",
            "{\"a\": true}[\"a\"]",             // maps
    })
    void constructsOutsideTheSubsetAreRefusedAtLoadTime(String rule) {
        assertThatThrownBy(() -> environment.compile(rule)).isInstanceOf(RuleFault.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "age >= \"x\"|no matching overload",
            "agee >= 60|undeclared reference",
            "age + 1|",
    })
    void typeErrorsAreRefusedWithCelsMessage(String rule, @Nullable String message) {
        var thrown = assertThatThrownBy(() -> environment.compile(rule)).isInstanceOf(RuleFault.class);
        if (message != null) {
            thrown.hasMessageContaining(message);
        }
    }

    @Test
    void theSubsetCoversComparisonsBooleansInTagsStartsWithAndArithmetic() {
        Node rule = environment.compile("age >= minAge && !(\"DIBAO\" in tags) && careLevel in levels"
                + " && hukouRegion.startsWith(prefix) && incomePerCapitaFen < dibaoStandardFen * multiplier"
                + " && livingArrangement in [\"ALONE\", \"PURE_ELDERLY_HOUSEHOLD\"] && livingAtHome");
        assertThat(Unparser.text(rule)).isEqualTo("age >= minAge && !(\"DIBAO\" in tags) && careLevel in [3, 4]"
                + " && hukouRegion.startsWith(\"4401\") && incomePerCapitaFen < dibaoStandardFen * multiplier"
                + " && livingArrangement in [\"ALONE\", \"PURE_ELDERLY_HOUSEHOLD\"] && livingAtHome");
        var facts = facts(Map.of(Fact.AGE, 70, Fact.CARE_LEVEL, 3, Fact.HUKOU_REGION, "440106001001",
                Fact.INCOME_PER_CAPITA_FEN, 100, Fact.DIBAO_STANDARD_FEN, 130900, Fact.LIVING_ARRANGEMENT, "ALONE",
                Fact.LIVING_AT_HOME, true), Set.of());
        var outcome = RuleEvaluator.evaluate(rule, facts, "en");
        assertThat(outcome.result()).isTrue();
        assertThat(outcome.trace()).hasSize(7);
    }

    @Test
    void unknownFactsMakeClausesUnknownWithKleeneLogic() {
        Node and = environment.compile("careLevel >= 1 && age >= 80");
        Node or = environment.compile("careLevel >= 1 || age >= 80");
        var unknownLevelAged70 = facts(Map.of(Fact.AGE, 70), Set.of());
        var unknownLevelAged85 = facts(Map.of(Fact.AGE, 85), Set.of());
        assertThat(RuleEvaluator.evaluate(and, unknownLevelAged70, "en").result()).as("false && unknown").isFalse();
        assertThat(RuleEvaluator.evaluate(and, unknownLevelAged85, "en").result()).as("unknown && true").isNull();
        assertThat(RuleEvaluator.evaluate(or, unknownLevelAged85, "en").result()).as("unknown || true").isTrue();
        assertThat(RuleEvaluator.evaluate(or, unknownLevelAged70, "en").result()).as("unknown || false").isNull();
        assertThat(RuleEvaluator.evaluate(environment.compile("!(careLevel >= 1)"), unknownLevelAged70, "en")
                .result()).as("!unknown").isNull();
        var outcome = RuleEvaluator.evaluate(and, unknownLevelAged85, "en");
        assertThat(outcome.missingFacts()).containsExactly(Fact.CARE_LEVEL);
        assertThat(outcome.trace().get(0).actual()).isEqualTo("? >= 1");
    }

    @Test
    void moneyIsExactAndShownInYuan() {
        Node rule = environment.compile("incomePerCapitaFen < dibaoStandardFen * multiplier");
        // 130,901 fen × 2.5 = 327,252.5 fen: a half fen that a double would also carry, but exactly
        var outcome = RuleEvaluator.evaluate(rule, facts(Map.of(Fact.INCOME_PER_CAPITA_FEN, 327252,
                Fact.DIBAO_STANDARD_FEN, 130901), Set.of()), "en");
        assertThat(outcome.result()).isTrue();
        assertThat(outcome.trace().get(0).actual()).isEqualTo("3,272.52 < 3,272.525");
    }

    @Test
    void definitionsAreTracedUnderTheirLabel() {
        var env = new RuleEnvironment(Map.of());
        env.define("old", Map.of("zh-CN", "高龄", "en", "very old"), "age >= 80");
        var outcome = RuleEvaluator.evaluate(env.compile("old"), facts(Map.of(Fact.AGE, 83), Set.of()), "zh-CN");
        assertThat(outcome.trace()).singleElement().satisfies(c -> {
            assertThat(c.clause()).isEqualTo("高龄: age >= 80");
            assertThat(c.actual()).isEqualTo("83 >= 80");
        });
    }

    @Test
    void sqlUsesBindParametersForEveryConstant() {
        Node rule = environment.compile("hukouRegion.startsWith(\"4401'; drop table person; --\") && \"DIBAO\" in tags");
        var compiler = new SqlCompiler("x", "ageDate", null);
        String sql = compiler.condition(rule);
        assertThat(sql).doesNotContain("drop table").contains("starts_with(f.hukou_region, cast(:x0 as text))");
        assertThat(compiler.parameters()).containsEntry("x0", "4401'; drop table person; --");
    }

    static FactValues facts(Map<Fact, Object> values, Set<String> tags) {
        return new FactValues() {
            @Override
            public @Nullable Object value(Fact fact) {
                Object v = values.get(fact);
                return v instanceof Integer i ? BigDecimal.valueOf(i) : v;
            }

            @Override
            public boolean holds(String tag) {
                return tags.contains(tag);
            }
        };
    }
}
