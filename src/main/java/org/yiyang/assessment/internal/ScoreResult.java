package org.yiyang.assessment.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yiyang.assessment.CareLevel;

/**
 * The server's scoring (spec C.1–C.5): dimension subtotals, total, and — once every item is answered — the preliminary
 * level from the bands, each level change with its reason, and the final level.
 *
 * @param missingItems items not yet answered (only a partial input may have any); no levels while any are missing
 */
public record ScoreResult(String instrument, Map<String, Integer> dimensionScores, int total,
                          List<String> missingItems, @Nullable CareLevel preliminaryLevel,
                          @Nullable CareLevel finalLevel, List<LevelChange> adjustments) {

    public ScoreResult {
        dimensionScores = Map.copyOf(dimensionScores);
        missingItems = List.copyOf(missingItems);
        adjustments = List.copyOf(adjustments);
    }

    public boolean complete() {
        return missingItems.isEmpty();
    }

    /**
     * One C.4 rule that applied: the rule, its reason (a message key with arguments) and the level before and after.
     * With the default non-cumulative reading a second applying rule is reported with {@code from == to}.
     */
    public record LevelChange(String rule, String reasonKey, List<Object> reasonArgs, CareLevel from, CareLevel to) {
        public LevelChange {
            reasonArgs = List.copyOf(reasonArgs);
        }
    }

    @Override
    public String toString() {
        return "ScoreResult[" + instrument + "]"; // scores are health data: never printed
    }
}
