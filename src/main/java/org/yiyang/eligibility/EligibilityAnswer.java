package org.yiyang.eligibility;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Eligibility for every item of the list version in force on {@code asOf}.
 *
 * @param totalMonthlyFen the monthly amounts that apply: eligible items not superseded by a higher standard
 * @param warnings        message keys of what the reader should know (e.g. a standard whose document has ended)
 */
public record EligibilityAnswer(ListVersionRef listVersion, LocalDate asOf, List<ItemAnswer> items,
                                long totalMonthlyFen, List<String> warnings) {

    public EligibilityAnswer {
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
    }

    /** The version that answered. */
    public record ListVersionRef(String code, int year, String docNo, String issuer, LocalDate effectiveFrom,
                                 @Nullable LocalDate effectiveTo, boolean officialListObtained) {
    }

    /**
     * One item: eligible, not eligible or undecided ({@code null}, with the missing facts), the standard that
     * supersedes it, and every clause with the value that decided it.
     */
    public record ItemAnswer(String item, String name, String category, @Nullable Boolean eligible,
                             @Nullable String supersededBy, @Nullable Long monthlyAmountFen,
                             @Nullable String programme, List<String> missingFacts, List<TraceClause> trace) {
        public ItemAnswer {
            missingFacts = List.copyOf(missingFacts);
            trace = List.copyOf(trace);
        }
    }

    /** A clause, the actual values, and its result ({@code null}: unknown). */
    public record TraceClause(String clause, String actual, @Nullable Boolean result) {
    }
}
