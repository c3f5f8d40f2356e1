package org.yiyang.person.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yiyang.person.LivingArrangement;
import org.yiyang.person.ResidentIdNumber;
import org.yiyang.person.TagPeriod;
import org.yiyang.region.Region;

/** A registration whose every field passed validation; phone numbers are normalised (digits only). */
public record ValidResident(ResidentIdNumber idNumber, String name, @Nullable String phone, String hukouRegion,
                            Region residence, @Nullable String address,
                            @Nullable LivingArrangement livingArrangement, @Nullable Long householdIncomeFen,
                            List<TagPeriod> tags, List<Contact> contacts) {

    public ValidResident {
        tags = List.copyOf(tags);
        contacts = List.copyOf(contacts);
    }

    /** The ID number only masked; no phone, address or contacts. */
    @Override
    public String toString() {
        return "ValidResident[" + idNumber + ", residence=" + residence.code() + "]";
    }

    /** A validated emergency contact. */
    public record Contact(String name, String relation, String phone) {
        @Override
        public String toString() {
            return "Contact[" + relation + "]";
        }
    }
}
