package org.yiyang.assessment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of a scoring call: points of the chosen option per item and the C.4 inputs. A diagnosis is an ICD-10 code
 * or {@code {"code": "F32", "byPsychiatrist": true}}.
 */
record ScoreRequest(@Nullable String instrument, @Nullable Map<String, Integer> answers, @Nullable Boolean coma,
                    @Nullable List<Object> diagnoses, @Nullable Map<String, Integer> riskEvents30d,
                    @Nullable Boolean partial) {

    ScoringInput toInput() {
        List<ScoringInput.Diagnosis> parsed = new ArrayList<>();
        if (diagnoses != null) {
            for (Object d : diagnoses) {
                parsed.add(diagnosis(d));
            }
        }
        return new ScoringInput(answers == null ? Map.of() : answers, Boolean.TRUE.equals(coma), parsed,
                riskEvents30d == null ? Map.of() : riskEvents30d, Boolean.TRUE.equals(partial));
    }

    /** A string code, or an object with a string code and an optional boolean; anything else is malformed. */
    private static ScoringInput.Diagnosis diagnosis(@Nullable Object raw) {
        if (raw instanceof String code) {
            return new ScoringInput.Diagnosis(code, false);
        }
        if (raw instanceof Map<?, ?> map && map.get("code") instanceof String code
                && map.keySet().stream().allMatch(k -> "code".equals(k) || "byPsychiatrist".equals(k))) {
            Object by = map.get("byPsychiatrist");
            if (by == null || by instanceof Boolean) {
                return new ScoringInput.Diagnosis(code, Boolean.TRUE.equals(by));
            }
        }
        return new ScoringInput.Diagnosis(null, false);
    }

    @Override
    public String toString() {
        return "ScoreRequest[" + instrument + "]"; // answers and diagnoses are health data: never printed
    }
}
