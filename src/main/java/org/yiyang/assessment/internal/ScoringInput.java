package org.yiyang.assessment.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the assessor recorded: the points of the chosen option per item, and the Appendix A inputs of the C.4 rules
 * (A.5.11 coma, A.4.1 diagnoses, A.2.14 care-risk events in the last 30 days). Client totals are never part of it.
 */
public record ScoringInput(Map<String, Integer> answers, boolean coma, List<Diagnosis> diagnoses,
                           Map<String, Integer> riskEvents30d, boolean partial) {

    public ScoringInput {
        answers = answers == null ? Map.of() : new LinkedHashMap<>(answers);
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        riskEvents30d = riskEvents30d == null ? Map.of() : new LinkedHashMap<>(riskEvents30d);
    }

    public static ScoringInput complete(Map<String, Integer> answers) {
        return new ScoringInput(answers, false, List.of(), Map.of(), false);
    }

    /** A diagnosis of A.4.1 by ICD-10 code (a null code is a malformed entry), and whether a psychiatrist made it. */
    public record Diagnosis(@Nullable String code, boolean byPsychiatrist) {
        public static Diagnosis of(String code) {
            return new Diagnosis(code, false);
        }

        @Override
        public String toString() {
            return "Diagnosis[…]"; // a diagnosis is health data: never printed
        }
    }

    @Override
    public String toString() {
        return "ScoringInput[" + answers.size() + " answers, partial=" + partial + "]"; // no health details
    }
}
