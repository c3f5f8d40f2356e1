package org.yiyang.region;

import org.jspecify.annotations.Nullable;

/** One division. {@code path} is the ltree of codes from the top, e.g. {@code 440100000000.440106000000}. */
public record Region(String code, @Nullable String parentCode, RegionLevel level, String name, String path,
                     boolean demo) {

    /** True when this region is {@code ancestor} or lies below it. */
    public boolean isWithin(Region ancestor) {
        return path.equals(ancestor.path()) || path.startsWith(ancestor.path() + ".");
    }
}
