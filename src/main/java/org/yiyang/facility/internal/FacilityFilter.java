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

    static FacilityFilter parse(@Nullable String type, @Nullable String region, @Nullable Integer page,
                                @Nullable Integer size, Regions regions) {
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
        int p = page == null ? 0 : page;
        if (p < 0) {
            problems.add("page", "OUT_OF_RANGE");
        }
        int s = size == null ? DEFAULT_SIZE : size;
        if (s < 1 || s > MAX_SIZE) {
            problems.add("size", "OUT_OF_RANGE");
        }
        problems.throwIfAny();
        return new FacilityFilter(t, r, p, s);
    }

    @Nullable String regionPath() {
        return region == null ? null : region.path();
    }
}
