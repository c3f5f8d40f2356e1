package org.yiyang.person;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A registration request as typed by a street worker or read from an import row: raw values, validated by the
 * registry (every bad field is reported at once). Enumerations arrive as their codes so that an unknown code is an
 * invalid value (422), not an unreadable request.
 */
public record NewResident(@Nullable String idNumber, @Nullable String name, @Nullable String phone,
                          @Nullable String hukouRegion, @Nullable String residenceRegion, @Nullable String address,
                          @Nullable String livingArrangement, @Nullable Long householdIncomePerCapitaFen,
                          @Nullable List<Tag> tags, @Nullable List<Contact> emergencyContacts,
                          @Nullable Boolean confirmedNotDuplicate) {

    public NewResident {
        tags = tags == null ? List.of() : List.copyOf(tags);
        emergencyContacts = emergencyContacts == null ? List.of() : List.copyOf(emergencyContacts);
    }

    /** True when the registering worker has checked the likely duplicates and confirms this is someone else. */
    public boolean confirmed() {
        return Boolean.TRUE.equals(confirmedNotDuplicate);
    }

    /** Never the ID number, phone, address or contacts: a request can end up in a log line or an exception. */
    @Override
    public String toString() {
        return "NewResident[residence=" + residenceRegion + ", tags=" + tags.size() + ", contacts="
                + emergencyContacts.size() + "]";
    }

    /** A tag held over a period; {@code validTo} open when null. */
    public record Tag(@Nullable String tag, @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {
    }

    /** An emergency contact (紧急联系人). */
    public record Contact(@Nullable String name, @Nullable String relation, @Nullable String phone) {
        @Override
        public String toString() {
            return "Contact[" + relation + "]";
        }
    }
}
