package org.yiyang.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yiyang.assessment.CareLevel;

/** Properties over random complete answer sets (fixed seed, so a failure is reproducible). */
class ScoringPropertyUnitTests {
    static final Instrument GBT = GbtFixtures.gbt();
    static final int RUNS = 3_000;

    @Test
    void totalStaysWithin0To90AndEqualsTheSumOfTheSubtotals() {
        Random random = new Random(20260601L);
        for (int run = 0; run < RUNS; run++) {
            var r = Scoring.score(GBT, ScoringInput.complete(randomAnswers(random)));
            assertThat(r.total()).isBetween(0, 90);
            assertThat(r.dimensionScores().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(r.total());
            assertThat(r.preliminaryLevel()).isNotNull();
        }
    }

    @Test
    void raisingAnySingleAnswerNeverLowersTheTotalNorWorsensThePreliminaryLevel() {
        Random random = new Random(42L);
        for (int run = 0; run < RUNS; run++) {
            Map<String, Integer> answers = randomAnswers(random);
            var before = Scoring.score(GBT, ScoringInput.complete(answers));
            Instrument.Item item = GBT.items().get(random.nextInt(GBT.items().size()));
            for (Instrument.Option higher : item.options()) {
                if (higher.points() <= answers.get(item.code())) {
                    continue;
                }
                Map<String, Integer> raised = new LinkedHashMap<>(answers);
                raised.put(item.code(), higher.points());
                var after = Scoring.score(GBT, ScoringInput.complete(raised));
                assertThat(after.total()).isGreaterThan(before.total());
                assertThat(before.preliminaryLevel().isAtLeast(after.preliminaryLevel()))
                        .as("more ability never means a higher (worse) level").isTrue();
            }
        }
    }

    @Test
    void changeRulesNeverLowerTheLevelNorGoBeyondTheHighest() {
        Random random = new Random(7L);
        String[] codes = {"I10", "F01.1", "F32", "E11", "F00", "G20"};
        for (int run = 0; run < RUNS; run++) {
            List<ScoringInput.Diagnosis> diagnoses = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                diagnoses.add(new ScoringInput.Diagnosis(codes[random.nextInt(codes.length)], random.nextBoolean()));
            }
            var input = new ScoringInput(randomAnswers(random), random.nextInt(10) == 0, diagnoses,
                    Map.of("FALL", random.nextInt(3), "CHOKING", random.nextInt(2)), false);
            var r = Scoring.score(random.nextBoolean() ? GBT : GBT.withRules(GBT.rules().withCumulative(true)), input);
            assertThat(r.finalLevel().isAtLeast(r.preliminaryLevel())).isTrue();
            assertThat(CareLevel.TOTAL.isAtLeast(r.finalLevel())).isTrue();
            if (input.coma()) {
                assertThat(r.finalLevel()).isEqualTo(CareLevel.TOTAL);
            }
        }
    }

    private static Map<String, Integer> randomAnswers(Random random) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (Instrument.Item item : GBT.items()) {
            answers.put(item.code(), item.options().get(random.nextInt(item.options().size())).points());
        }
        return answers;
    }
}
