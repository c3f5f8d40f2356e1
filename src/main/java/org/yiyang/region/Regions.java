package org.yiyang.region;

import org.yiyang.shared.SystemUse;
import java.util.List;
import java.util.Optional;

/** The region registry: look-ups, children and containment. */
@SystemUse("public statistical reference data (division codes and names)")
public interface Regions {

    Optional<Region> find(String code);

    List<Region> children(String code);

    /** True when {@code code} is {@code ancestorCode} or lies below it (both must exist). */
    boolean isWithin(String code, String ancestorCode);

    /** The ltree path of a region, for jurisdiction filters in SQL. */
    default Optional<String> pathOf(String code) {
        return find(code).map(Region::path);
    }

    /** The city the platform serves (its top region). */
    Region city();

    /** Regions of a level below a root, in code order. */
    List<Region> below(String rootCode, RegionLevel level);

    /** Inserts or updates regions (parents first); the path is computed from the parent's. Idempotent. */
    void upsert(List<NewRegion> regions);

    record NewRegion(String code, @org.jspecify.annotations.Nullable String parentCode, RegionLevel level, String name, boolean demo) {
    }
}
