package org.yiyang.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yiyang.assessment.internal.GbtFixtures.allMaxExcept;
import static org.yiyang.assessment.internal.GbtFixtures.zero;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yiyang.assessment.CareLevel;
import org.yiyang.shared.FieldProblem;
import org.yiyang.shared.InvalidInput;

/**
 * Golden cases worked out by hand from the spec (§1 maxima, §3 bands 90 / 66–89 / 46–65 / 30–45 / 0–29, §4 rules,
 * §5.2 order); the working is in the comment beside each expected value.
 */
class ScoringUnitTests {
    static final Instrument GBT = GbtFixtures.gbt();

    static ScoreResult score(Map<String, Integer> answers) {
        return Scoring.score(GBT, ScoringInput.complete(answers));
    }

    static ScoreResult score(Map<String, Integer> answers, boolean coma, List<ScoringInput.Diagnosis> diagnoses,
                             Map<String, Integer> risks) {
        return Scoring.score(GBT, new ScoringInput(answers, coma, diagnoses, risks, false));
    }

    // --- boundary totals of the bands (C.3) ---

    @Test
    void everyItemAtItsMaximumIs90AndIntact() {
        var r = score(allMaxExcept());
        // 8×4 = 32; 4+4+4+3 = 15; 6×4+1+1+2 = 28; 2+2+4+3+4 = 15
        assertThat(r.dimensionScores()).containsExactlyInAnyOrderEntriesOf(
                Map.of("B.1", 32, "B.2", 15, "B.3", 28, "B.4", 15));
        assertThat(r.total()).isEqualTo(90);                                 // 32+15+28+15
        assertThat(r.preliminaryLevel()).isEqualTo(CareLevel.INTACT);        // 90 is band 0 (90)
        assertThat(r.finalLevel()).isEqualTo(CareLevel.INTACT);              // no change rule applies
        assertThat(r.adjustments()).isEmpty();
    }

    @Test
    void oneAggressionEpisodeGives89AndMild() {
        var r = score(allMaxExcept("B.3.7", 0));
        assertThat(r.dimensionScores().get("B.3")).isEqualTo(27);            // 28 − 1
        assertThat(r.total()).isEqualTo(89);                                 // 90 − 1
        assertThat(r.preliminaryLevel()).isEqualTo(CareLevel.MILD);          // 89 is in 66–89
    }

    @Test
    void sixSelfCareItemsAtZeroGive66AndStillMild() {
        var r = score(allMaxExcept("B.1.1", 0, "B.1.2", 0, "B.1.3", 0, "B.1.4", 0, "B.1.5", 0, "B.1.6", 0));
        assertThat(r.dimensionScores().get("B.1")).isEqualTo(8);             // 32 − 6×4
        assertThat(r.total()).isEqualTo(66);                                 // 90 − 24
        assertThat(r.preliminaryLevel()).isEqualTo(CareLevel.MILD);          // 66 is the bottom of 66–89
    }

    @Test
    void oneMorePointLostGives65AndModerate() {
        var r = score(allMaxExcept("B.1.1", 0, "B.1.2", 0, "B.1.3", 0, "B.1.4", 0, "B.1.5", 0, "B.1.6", 0,
                "B.3.8", 0));
        assertThat(r.total()).isEqualTo(65);                                 // 90 − 24 − 1
        assertThat(r.preliminaryLevel()).isEqualTo(CareLevel.MODERATE);      // 65 is the top of 46–65
    }

    @Test
    void noSelfCareAndThreeMobilityItemsAtZeroGive46AndModerate() {
        var r = score(zero(allMaxExcept("B.2.1", 0, "B.2.2", 0, "B.2.3", 0), "B.1"));
        assertThat(r.dimensionScores()).containsExactlyInAnyOrderEntriesOf(
                Map.of("B.1", 0, "B.2", 3, "B.3", 28, "B.4", 15));           // B.2: only B.2.4's 3 left
        assertThat(r.total()).isEqualTo(46);                                 // 0+3+28+15
        assertThat(r.preliminaryLevel()).isEqualTo(CareLevel.MODERATE);      // 46 is the bottom of 46–65
    }

    @Test
    void oneMorePointLostGives45AndSevere() {
        var r = score(zero(allMaxExcept("B.2.1", 0, "B.2.2", 0, "B.2.3", 0, "B.3.7", 0), "B.1"));
        assertThat(r.total()).isEqualTo(45);                                 // 0+3+27+15
        assertThat(r.preliminaryLevel()).isEqualTo(CareLevel.SEVERE);        // 45 is the top of 30–45
    }

    @Test
    void thirtyIsStillSevere() {
        var r = score(zero(allMaxExcept("B.3.1", 0, "B.3.2", 0, "B.3.3", 0, "B.3.7", 0), "B.1", "B.2"));
        // B.3 = 28 − 3×4 − 1 = 15; B.4 = 15
        assertThat(r.dimensionScores()).containsExactlyInAnyOrderEntriesOf(
                Map.of("B.1", 0, "B.2", 0, "B.3", 15, "B.4", 15));
        assertThat(r.total()).isEqualTo(30);                                 // 0+0+15+15
        assertThat(r.preliminaryLevel()).isEqualTo(CareLevel.SEVERE);        // 30 is the bottom of 30–45
    }

    @Test
    void twentyNineIsCompleteLoss() {
        var r = score(twentyNine());
        assertThat(r.total()).isEqualTo(29);                                 // 30 − 1 (B.3.8)
        assertThat(r.preliminaryLevel()).isEqualTo(CareLevel.TOTAL);         // 29 is the top of 0–29
    }

    @Test
    void nothingAtAllIsZeroAndCompleteLoss() {
        var r = score(zero(allMaxExcept(), "B.1", "B.2", "B.3", "B.4"));
        assertThat(r.total()).isEqualTo(0);
        assertThat(r.preliminaryLevel()).isEqualTo(CareLevel.TOTAL);         // 0 is in 0–29
        assertThat(r.finalLevel()).isEqualTo(CareLevel.TOTAL);
    }

    // --- level changes (C.4) and final level (C.5) ---

    @Test
    void dementiaSubCodeRaisesOneLevel() {
        var r = score(sixtyFive(), false, List.of(ScoringInput.Diagnosis.of("F01.1")), Map.of());
        assertThat(r.preliminaryLevel()).isEqualTo(CareLevel.MODERATE);      // 65 → level 2
        assertThat(r.finalLevel()).isEqualTo(CareLevel.SEVERE);              // F01.1 is in F00–F03 → 2 + 1 = 3
        assertThat(r.adjustments()).singleElement().satisfies(c -> {
            assertThat(c.rule()).isEqualTo(Scoring.RULE_MENTAL);
            assertThat(c.reasonKey()).isEqualTo("assessment.rule.DEMENTIA");
            assertThat(c.reasonArgs()).containsExactly("F01.1", "F00–F03");
        });
    }

    @Test
    void otherMentalDisorderCountsOnlyFromAPsychiatristByDefault() {
        var notByPsychiatrist = score(sixtyFive(), false, List.of(ScoringInput.Diagnosis.of("F32.9")), Map.of());
        assertThat(notByPsychiatrist.finalLevel()).isEqualTo(CareLevel.MODERATE); // F04–F99 needs a psychiatrist
        assertThat(notByPsychiatrist.adjustments()).isEmpty();

        var byPsychiatrist = score(sixtyFive(), false, List.of(new ScoringInput.Diagnosis("F32", true)), Map.of());
        assertThat(byPsychiatrist.finalLevel()).isEqualTo(CareLevel.SEVERE);     // 2 + 1
        assertThat(byPsychiatrist.adjustments().get(0).reasonKey()).isEqualTo("assessment.rule.MENTAL_DISORDER");
    }

    @Test
    void psychiatristRequirementIsAConfigurationValue() {
        Instrument relaxed = GBT.withRules(GBT.rules().withPsychiatristRequired(false));
        var r = Scoring.score(relaxed, new ScoringInput(sixtyFive(), false,
                List.of(ScoringInput.Diagnosis.of("F32.9")), Map.of(), false));
        assertThat(r.finalLevel()).isEqualTo(CareLevel.SEVERE);             // 2 + 1 without a psychiatrist
    }

    @Test
    void nonMentalDiagnosesChangeNothing() {
        var r = score(sixtyFive(), false, List.of(ScoringInput.Diagnosis.of("I10"),
                ScoringInput.Diagnosis.of("G30.1")), Map.of());
        assertThat(r.finalLevel()).isEqualTo(CareLevel.MODERATE);            // I10, G30 are outside chapter F
    }

    @Test
    void twoRiskEventsOfDifferentKindsRaiseOneLevel() {
        var r = score(sixtySix(), false, List.of(), Map.of("FALL", 1, "CHOKING", 1));
        assertThat(r.preliminaryLevel()).isEqualTo(CareLevel.MILD);          // 66 → level 1
        assertThat(r.finalLevel()).isEqualTo(CareLevel.MODERATE);            // 1 + 1 = 2 (events summed: 2 ≥ 2)
        assertThat(r.adjustments()).singleElement().satisfies(c -> {
            assertThat(c.rule()).isEqualTo(Scoring.RULE_RISK);
            assertThat(c.reasonArgs()).containsExactly(2, 2);
        });
    }

    @Test
    void oneRiskEventChangesNothing() {
        var r = score(sixtySix(), false, List.of(), Map.of("FALL", 1, "WANDERING", 0));
        assertThat(r.finalLevel()).isEqualTo(CareLevel.MILD);                // 1 < 2
    }

    @Test
    void bothRulesTogetherRaiseOnlyOneLevelByDefault() {
        var r = score(sixtyFive(), false, List.of(ScoringInput.Diagnosis.of("F03")), Map.of("FALL", 2));
        assertThat(r.finalLevel()).isEqualTo(CareLevel.SEVERE);              // 2 + at most 1 = 3
        assertThat(r.adjustments()).extracting(ScoreResult.LevelChange::rule)
                .containsExactly(Scoring.RULE_MENTAL, Scoring.RULE_RISK);
        assertThat(r.adjustments().get(1).from()).isEqualTo(r.adjustments().get(1).to()); // reported, no 2nd step
        assertThat(r.adjustments().get(1).reasonKey()).isEqualTo("assessment.rule.CARE_RISK_EVENTS_NOT_CUMULATIVE");
    }

    @Test
    void cumulativeReadingAddsOneLevelPerRule() {
        Instrument cumulative = GBT.withRules(GBT.rules().withCumulative(true));
        var r = Scoring.score(cumulative, new ScoringInput(sixtyFive(), false,
                List.of(ScoringInput.Diagnosis.of("F03")), Map.of("FALL", 2), false));
        assertThat(r.finalLevel()).isEqualTo(CareLevel.TOTAL);               // 2 + 1 + 1 = 4
    }

    @Test
    void cumulativeRaiseStopsAtTheHighestLevel() {
        Instrument cumulative = GBT.withRules(GBT.rules().withCumulative(true));
        var r = Scoring.score(cumulative, new ScoringInput(
                zero(allMaxExcept("B.2.1", 0, "B.2.2", 0, "B.2.3", 0, "B.3.7", 0), "B.1"), false,
                List.of(ScoringInput.Diagnosis.of("F00")), Map.of("OTHER", 3), false));
        assertThat(r.preliminaryLevel()).isEqualTo(CareLevel.SEVERE);        // 45 → level 3
        assertThat(r.finalLevel()).isEqualTo(CareLevel.TOTAL);               // 3 + 2 = 5, capped at 4
    }

    @Test
    void completeLossIsNotRaisedFurther() {
        var r = score(twentyNine(), false, List.of(ScoringInput.Diagnosis.of("F02.0")), Map.of("FALL", 3));
        assertThat(r.finalLevel()).isEqualTo(CareLevel.TOTAL);               // 4 + 1 capped at 4
    }

    @Test
    void comaOverridesEverything() {
        var r = score(allMaxExcept(), true, List.of(ScoringInput.Diagnosis.of("F01")), Map.of("FALL", 5));
        assertThat(r.total()).isEqualTo(90);
        assertThat(r.preliminaryLevel()).isEqualTo(CareLevel.INTACT);        // 90 → level 0
        assertThat(r.finalLevel()).isEqualTo(CareLevel.TOTAL);               // coma → comaTargetLevel 4
        assertThat(r.adjustments()).singleElement().satisfies(c -> {
            assertThat(c.rule()).isEqualTo(Scoring.RULE_COMA);               // the other rules are not applied
            assertThat(c.from()).isEqualTo(CareLevel.INTACT);
        });
    }

    // --- partial input and bad input ---

    @Test
    void partialInputGivesSubtotalsAndTotalSoFarButNoLevel() {
        Map<String, Integer> some = new LinkedHashMap<>();
        some.put("B.1.1", 4);
        some.put("B.4.5", 3);
        var r = Scoring.score(GBT, new ScoringInput(some, false, List.of(), Map.of(), true));
        assertThat(r.dimensionScores()).containsExactlyInAnyOrderEntriesOf(
                Map.of("B.1", 4, "B.2", 0, "B.3", 0, "B.4", 3));
        assertThat(r.total()).isEqualTo(7);                                  // 4 + 3
        assertThat(r.missingItems()).hasSize(24);                            // 26 − 2
        assertThat(r.preliminaryLevel()).isNull();
        assertThat(r.finalLevel()).isNull();
    }

    @Test
    void everyProblemOfABadInputIsReportedTogether() {
        Map<String, Integer> answers = allMaxExcept("B.2.4", 4, "B.9.9", 1);
        answers.remove("B.4.1");
        var input = new ScoringInput(answers, false,
                List.of(ScoringInput.Diagnosis.of("F1"), ScoringInput.Diagnosis.of("F01.1"),
                        new ScoringInput.Diagnosis(null, false)),
                Map.of("EARTHQUAKE", 1), false);
        assertThatThrownBy(() -> Scoring.score(GBT, input)).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.problems()).extracting(FieldProblem::field, FieldProblem::code).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("answers.B.2.4", "NOT_AN_OPTION"),
                        org.assertj.core.groups.Tuple.tuple("answers.B.9.9", "UNKNOWN_ITEM"),
                        org.assertj.core.groups.Tuple.tuple("answers.B.4.1", "MISSING_ITEM"),
                        org.assertj.core.groups.Tuple.tuple("diagnoses[0]", "MALFORMED_ICD10"),
                        org.assertj.core.groups.Tuple.tuple("diagnoses[2]", "MALFORMED_ICD10"),
                        org.assertj.core.groups.Tuple.tuple("riskEvents30d.EARTHQUAKE", "UNKNOWN_RISK_KIND")));
    }

    @Test
    void negativeRiskCountsAreRefused() {
        var input = new ScoringInput(allMaxExcept(), false, List.of(), Map.of("FALL", -1), false);
        assertThat(Scoring.check(GBT, input).problems()).extracting(FieldProblem::code)
                .containsExactly("NEGATIVE_COUNT");
    }

    /** 90 − 24 (B.1.1–B.1.6 at 0) = 66, level 1. */
    static Map<String, Integer> sixtySix() {
        return allMaxExcept("B.1.1", 0, "B.1.2", 0, "B.1.3", 0, "B.1.4", 0, "B.1.5", 0, "B.1.6", 0);
    }

    /** 66 − 1 (B.3.8 at 0) = 65, level 2. */
    static Map<String, Integer> sixtyFive() {
        var answers = sixtySix();
        answers.put("B.3.8", 0);
        return answers;
    }

    /** B.1 0, B.2 0, B.3 28 − 12 − 1 − 1 = 14, B.4 15: 29, level 4. */
    static Map<String, Integer> twentyNine() {
        return zero(allMaxExcept("B.3.1", 0, "B.3.2", 0, "B.3.3", 0, "B.3.7", 0, "B.3.8", 0), "B.1", "B.2");
    }
}
