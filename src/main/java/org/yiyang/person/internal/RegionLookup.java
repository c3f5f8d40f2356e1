package org.yiyang.person.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.yiyang.region.Region;
import org.yiyang.region.Regions;

/** Region look-ups for validation: direct for one registration, remembered for the many rows of an import. */
public interface RegionLookup {

    Optional<Region> find(String code);

    Region city();

    static RegionLookup direct(Regions regions) {
        return new RegionLookup() {
            @Override
            public Optional<Region> find(String code) {
                return regions.find(code);
            }

            @Override
            public Region city() {
                return regions.city();
            }
        };
    }

    /** Remembers every answer; for one import run, not for longer. */
    static RegionLookup remembering(Regions regions) {
        Map<String, Optional<Region>> found = new HashMap<>();
        Region city = regions.city();
        return new RegionLookup() {
            @Override
            public Optional<Region> find(String code) {
                return found.computeIfAbsent(code, regions::find);
            }

            @Override
            public Region city() {
                return city;
            }
        };
    }
}
