package org.yiyang.assessment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yiyang.assessment.CareLevel;
import org.yiyang.shared.InvalidInput;

/**
 * Scores an input against an instrument (pure domain: no Spring, no I/O). Every problem of the input is collected and
 * thrown together as {@link InvalidInput}; problems name fields and codes, never values.
 *
 * <p>Order (spec §5.2): total = Σ item points; preliminary = band(total); coma → the coma target level, overriding
 * everything; otherwise rule 2 (dementia F00–F03, or another mental disorder F04–F99 — by a psychiatrist if so
 * configured) and rule 3 (care-risk events in 30 days ≥ threshold) raise the level, by at most one level in all
 * unless the rules are cumulative, never beyond the maximum level.
 */
public final class Scoring {
    public static final String RULE_COMA = "COMA";
    public static final String RULE_MENTAL = "MENTAL_DISORDER";
    public static final String RULE_RISK = "CARE_RISK_EVENTS";

    private Scoring() {
    }

    public static ScoreResult score(Instrument instrument, ScoringInput input) {
        check(instrument, input).throwIfAny();
        Map<String, Integer> dimensions = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        int total = 0;
        for (Instrument.Dimension d : instrument.dimensions()) {
            int sum = 0;
            for (Instrument.Item item : d.items()) {
                Integer points = input.answers().get(item.code());
                if (points == null) {
                    missing.add(item.code());
                } else {
                    sum += points;
                }
            }
            dimensions.put(d.code(), sum);
            total += sum;
        }
        if (!missing.isEmpty() || !instrument.computesLevels()) {
            return new ScoreResult(instrument.code(), dimensions, total, missing, null, null, List.of());
        }
        Instrument.AdjustmentRules rules = instrument.rules();
        CareLevel preliminary = CareLevel.ofNumber(instrument.band(total).level());
        CareLevel ceiling = CareLevel.ofNumber(rules.maxLevel());
        List<ScoreResult.LevelChange> changes = new ArrayList<>();
        if (input.coma()) {
            CareLevel target = CareLevel.ofNumber(rules.comaTargetLevel());
            changes.add(new ScoreResult.LevelChange(RULE_COMA, "assessment.rule.COMA", List.of(), preliminary,
                    target));
            return new ScoreResult(instrument.code(), dimensions, total, missing, preliminary, target, changes);
        }
        CareLevel level = preliminary;
        String mentalCode = mentalDisorder(rules, input.diagnoses());
        if (mentalCode != null) {
            CareLevel raised = level.raisedBy(1, ceiling);
            boolean dementia = rules.dementiaRange().contains(Icd10.category(mentalCode));
            changes.add(new ScoreResult.LevelChange(RULE_MENTAL,
                    dementia ? "assessment.rule.DEMENTIA" : "assessment.rule.MENTAL_DISORDER",
                    List.of(Icd10.normalise(mentalCode),
                            (dementia ? rules.dementiaRange() : rules.otherMentalRange()).toString()),
                    level, raised));
            level = raised;
        }
        int events = input.riskEvents30d().values().stream().mapToInt(Integer::intValue).sum();
        if (events >= rules.riskEventThreshold()) {
            boolean mayRaise = rules.cumulative() || mentalCode == null;
            CareLevel raised = mayRaise ? level.raisedBy(1, ceiling) : level;
            changes.add(new ScoreResult.LevelChange(RULE_RISK,
                    mayRaise ? "assessment.rule.CARE_RISK_EVENTS" : "assessment.rule.CARE_RISK_EVENTS_NOT_CUMULATIVE",
                    List.of(events, rules.riskEventThreshold()), level, raised));
            level = raised;
        }
        return new ScoreResult(instrument.code(), dimensions, total, missing, preliminary, level, changes);
    }

    /** The first diagnosis that triggers rule 2, or null. */
    private static @Nullable String mentalDisorder(Instrument.AdjustmentRules rules, List<ScoringInput.Diagnosis> diagnoses) {
        for (ScoringInput.Diagnosis d : diagnoses) {
            String category = Icd10.category(d.code());
            if (rules.dementiaRange().contains(category)) {
                return d.code();
            }
            if (rules.otherMentalRange().contains(category)
                    && (d.byPsychiatrist() || !rules.f04f99RequiresPsychiatrist())) {
                return d.code();
            }
        }
        return null;
    }

    /** Every problem of the input; empty when it can be scored. */
    public static InvalidInput.Collector check(Instrument instrument, ScoringInput input) {
        var problems = new InvalidInput.Collector();
        for (Map.Entry<String, Integer> answer : input.answers().entrySet()) {
            var item = instrument.item(answer.getKey());
            if (item.isEmpty()) {
                problems.add("answers." + answer.getKey(), "UNKNOWN_ITEM");
            } else if (answer.getValue() == null || !item.get().offers(answer.getValue())) {
                problems.add("answers." + answer.getKey(), "NOT_AN_OPTION");
            }
        }
        if (!input.partial()) {
            for (Instrument.Item item : instrument.items()) {
                if (!input.answers().containsKey(item.code())) {
                    problems.add("answers." + item.code(), "MISSING_ITEM");
                }
            }
        }
        for (int i = 0; i < input.diagnoses().size(); i++) {
            ScoringInput.Diagnosis d = input.diagnoses().get(i);
            if (!Icd10.isWellFormed(d.code())) {
                problems.add("diagnoses[" + i + "]", "MALFORMED_ICD10");
            }
        }
        List<String> kinds = instrument.adjustment() == null ? List.of() : instrument.rules().riskKinds();
        for (Map.Entry<String, Integer> e : input.riskEvents30d().entrySet()) {
            if (!kinds.contains(e.getKey())) {
                problems.add("riskEvents30d." + e.getKey(), "UNKNOWN_RISK_KIND");
            } else if (e.getValue() == null || e.getValue() < 0) {
                problems.add("riskEvents30d." + e.getKey(), "NEGATIVE_COUNT");
            }
        }
        return problems;
    }
}
