package org.yiyang.facility.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.yiyang.region.Region;
import org.yiyang.region.Regions;

/** Region names for one response or page, each looked up once (public for the templates' expressions). */
public final class RegionNames {
    private final Regions regions;
    private final Map<String, Optional<String>> names = new HashMap<>();

    RegionNames(Regions regions) {
        this.regions = regions;
    }

    public @Nullable String of(String code) {
        return names.computeIfAbsent(code, c -> regions.find(c).map(Region::name)).orElse(null);
    }
}
