package org.yiyang.facility;

import org.yiyang.shared.SystemUse;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The facility registry. Facilities are public information; the region filter is a region subtree given by its ltree
 * path and is applied in SQL.
 */
@SystemUse("public reference data of the facility network")
public interface Facilities {

    Optional<Facility> find(UUID id);

    /** Facilities of a type (any when null) within a region subtree (anywhere when null), by name; page from 0. */
    FacilityPage list(@Nullable FacilityType type, @Nullable String regionPath, int page, int size);

    /** How many facilities of each type lie within the subtree (anywhere when null); types without any are absent. */
    Map<FacilityType, Long> countByType(@Nullable String regionPath);

    /** How many facilities are marked as demo data. */
    long countDemo();
}
