package org.yiyang.facility.internal;

import org.jspecify.annotations.Nullable;
import org.yiyang.facility.FacilityType;
import org.yiyang.region.Region;
import org.yiyang.region.RegionCode;
import org.yiyang.region.Regions;
import org.yiyang.shared.InvalidInput;

/** The validated filter of a facility list: every bad parameter is reported at once, naming the field. */
record FacilityFilter(@Nullable FacilityType type, @Nullable Region region, int page, int size) {
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    static FacilityFilter parse(@Nullable String type, @Nullable String region, @Nullable String page,
                                @Nullable String size, Regions regions) {
        var problems = new InvalidInput.Collector();
        FacilityType t = null;
        if (type != null && !type.isBlank()) {
            t = FacilityType.fromCode(type.strip()).orElse(null);
            if (t == null) {
                problems.add("type", "FACILITY_TYPE_UNKNOWN");
            }
        }
        Region r = null;
        if (region != null && !region.isBlank()) {
            String code = region.strip();
            if (!RegionCode.isWellFormed(code)) {
                problems.add("region", "REGION_CODE_FORMAT");
            } else {
                r = regions.find(code).orElse(null);
                if (r == null) {
                    problems.add("region", "REGION_UNKNOWN");
                }
            }
        }
        int p = number("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE, problems);
        int s = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, problems);
        problems.throwIfAny();
        return new FacilityFilter(t, r, p, s);
    }

    private static int number(String field, @Nullable String raw, int absent, int min, int max,
                              InvalidInput.Collector problems) {
        if (raw == null || raw.isBlank()) {
            return absent;
        }
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            problems.add(field, "WRONG_TYPE");
            return absent;
        }
        if (value < min || value > max) {
            problems.add(field, "OUT_OF_RANGE");
            return absent;
        }
        return value;
    }

    @Nullable String regionPath() {
        return region == null ? null : region.path();
    }
}
