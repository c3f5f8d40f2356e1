package org.yiyang.ltc;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The loaded LTC policy versions of the city, by period of validity. */
public final class LtcPolicies {
    private final List<LtcPolicy> versions;

    public LtcPolicies(List<LtcPolicy> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no LTC policy version");
        }
        this.versions = versions.stream()
                .sorted(Comparator.comparing((LtcPolicy p) -> p.version().effectiveFrom())).toList();
    }

    /**
     * The version for a month: the latest one in force on some day of the month. Reading: a month that a version covers
     * only in part (2024-01 starts on the 3rd, 2027-01 ends on the 2nd) is settled under it; {@link #coversWholeMonth}
     * lets the caller warn.
     */
    public Optional<LtcPolicy> forMonth(YearMonth month) {
        Optional<LtcPolicy> found = Optional.empty();
        for (LtcPolicy p : versions) {
            var v = p.version();
            boolean overlaps = !v.effectiveFrom().isAfter(month.atEndOfMonth())
                    && (v.effectiveTo() == null || !v.effectiveTo().isBefore(month.atDay(1)));
            if (overlaps) {
                found = Optional.of(p);
            }
        }
        return found;
    }

    public static boolean coversWholeMonth(LtcPolicy policy, YearMonth month) {
        return policy.version().appliesOn(month.atDay(1)) && policy.version().appliesOn(month.atEndOfMonth());
    }

    public List<LtcPolicy> versions() {
        return versions;
    }
}
