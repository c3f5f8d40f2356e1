package org.yiyang.assessment.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of a draft or a submission: the scoring inputs (as for the scoring endpoint), the Appendix A data and, for
 * an instrument whose grade the assessor enters (LTC 2021), the grade.
 */
record AnswersBody(@Nullable String instrument, @Nullable Map<String, Integer> answers, @Nullable Boolean coma,
                   @Nullable List<Object> diagnoses, @Nullable Map<String, Integer> riskEvents30d,
                   @Nullable Boolean partial, @Nullable AppendixBody appendix, @Nullable Integer enteredGrade) {

    ScoringInput toInput() {
        return new ScoreRequest(instrument, answers, coma, diagnoses, riskEvents30d, partial).toInput();
    }

    AppendixA toAppendix() {
        return appendix == null ? AppendixA.empty()
                : new AppendixA(appendix.basic(), appendix.informant(), appendix.medications(), appendix.health());
    }

    record AppendixBody(@Nullable Map<String, Object> basic, @Nullable Map<String, Object> informant,
                        @Nullable List<Map<String, Object>> medications, @Nullable Map<String, Object> health) {
        @Override
        public String toString() {
            return "AppendixBody[…]";
        }
    }

    @Override
    public String toString() {
        return "AnswersBody[" + instrument + "]"; // health data: never printed
    }
}
