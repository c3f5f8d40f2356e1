package org.yiyang.ltc.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.yiyang.assessment.CareLevel;
import org.yiyang.ltc.LevelSource;

/**
 * The demo pack's mapping from the care-needs level ({@code CareNeeds.current}) to an LTC level 1–3, with the validity
 * period of a result (spec §4.5, open item 4), labelled as demo values; levels so set are {@link LevelSource#DEMO_MAPPING}.
 * The Guangzhou pack has none ({@link #none()}): the LTC officer enters the level. Loaded only in demo mode.
 */
record DemoLevelMapping(@Nullable String label, Map<CareLevel, Integer> levels, int validityMonths) {

    DemoLevelMapping {
        levels = levels.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(levels));
    }

    static DemoLevelMapping none() {
        return new DemoLevelMapping(null, Map.of(), 0);
    }

    boolean isPresent() {
        return !levels.isEmpty();
    }

    Optional<Integer> ltcLevel(CareLevel careLevel) {
        return Optional.ofNullable(levels.get(careLevel));
    }
}
