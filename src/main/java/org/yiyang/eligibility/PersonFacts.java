package org.yiyang.eligibility;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person's facts given inline to the calculator (walk-in questions, other systems). Any fact may be left out: it is
 * then unknown, and clauses over it are unknown rather than false.
 *
 * @param tags                        the person tags held on the evaluation date
 * @param livingArrangement           ALONE, ONLY_WITH_SEVERELY_DISABLED_CHILD, PURE_ELDERLY_HOUSEHOLD, WITH_FAMILY or
 *                                    IN_INSTITUTION
 * @param livingAtHome                when absent, derived from the living arrangement (at home unless IN_INSTITUTION)
 * @param householdIncomePerCapitaFen household income per person and month, in fen
 * @param careNeedsLevel              GB/T 42195-2022 final level 0–4
 * @param ltcInsuredType              EMPLOYEE or RESIDENT
 */
public record PersonFacts(LocalDate birthDate, @Nullable String hukouRegion, @Nullable String residenceRegion,
                          @Nullable List<String> tags, @Nullable String livingArrangement,
                          @Nullable Boolean livingAtHome, @Nullable Long householdIncomePerCapitaFen,
                          @Nullable Integer careNeedsLevel, @Nullable String ltcInsuredType) {

    @Override
    public String toString() {
        return "PersonFacts[…]";
    }
}
