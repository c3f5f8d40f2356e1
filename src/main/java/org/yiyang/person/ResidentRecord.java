package org.yiyang.person;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A complete, already validated resident for bulk writing (demo generation, imports). Sex and birth date are taken
 * from the ID number. {@code residencePath} is the ltree path of the residence community.
 */
public record ResidentRecord(UUID id, ResidentIdNumber idNumber, String name, @Nullable String phone,
                             String hukouRegion, String residenceRegion, String residencePath,
                             @Nullable String address, @Nullable LivingArrangement livingArrangement,
                             @Nullable Long householdIncomeFen, List<TagPeriod> tags, boolean demo) {

    public ResidentRecord {
        tags = List.copyOf(tags);
    }

    /** The ID number only masked; no phone or address. */
    @Override
    public String toString() {
        return "ResidentRecord[" + id + ", " + idNumber + "]";
    }

    public LocalDate birthDate() {
        return idNumber.birthDate();
    }

    public Sex sex() {
        return idNumber.sex();
    }
}
