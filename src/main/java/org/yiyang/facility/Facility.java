package org.yiyang.facility;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A facility with its provider, as read by other modules, the API and pages. {@code level} is the network level of
 * the three-level network (DISTRICT, STREET_TOWN, COMMUNITY_VILLAGE) where the facility belongs to it.
 */
public record Facility(UUID id, UUID providerId, String providerName, Ownership ownership,
                       UnifiedSocialCreditCode creditCode, String name, FacilityType type, @Nullable String level,
                       String regionCode, String regionPath, @Nullable String address, @Nullable Double latitude,
                       @Nullable Double longitude, @Nullable Double floorAreaM2, @Nullable Integer bedsTotal,
                       @Nullable Integer bedsOccupied, @Nullable String openingHours, List<String> services,
                       boolean demo) {

    public Facility {
        services = List.copyOf(services);
    }
}
