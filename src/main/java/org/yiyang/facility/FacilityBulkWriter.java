package org.yiyang.facility;

import org.yiyang.shared.SystemUse;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes many providers and facilities at once (batched inserts) in the caller's transaction; used by the demo city
 * and later by imports. Providers must be written before their facilities.
 */
@SystemUse("bulk writes by the demo generator")
public interface FacilityBulkWriter {

    long writeProviders(List<NewProvider> providers);

    long writeFacilities(List<NewFacility> facilities);

    /** A provider to write. */
    record NewProvider(UUID id, String name, UnifiedSocialCreditCode creditCode, Ownership ownership, boolean demo) {
    }

    /** A facility to write; {@code regionPath} is the ltree path of {@code regionCode}. */
    record NewFacility(UUID id, UUID providerId, String name, FacilityType type, @Nullable String level,
                       String regionCode, String regionPath, @Nullable String address, @Nullable Double latitude,
                       @Nullable Double longitude, @Nullable Double floorAreaM2, @Nullable Integer bedsTotal,
                       @Nullable Integer bedsOccupied, @Nullable String openingHours, List<String> services,
                       boolean demo) {
        public NewFacility {
            services = List.copyOf(services);
        }
    }
}
