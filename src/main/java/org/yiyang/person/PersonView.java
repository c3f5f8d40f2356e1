package org.yiyang.person;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A resident as pages and the API show them: personal data only in masked form; sex and birth date from their own
 * columns, so showing a resident never needs the full ID number.
 */
public record PersonView(UUID id, String name, Sex sex, LocalDate birthDate, int age, String idNumberMasked,
                         @Nullable String phoneMasked, @Nullable String addressMasked, RegionRef hukouRegion,
                         RegionRef residenceRegion, @Nullable LivingArrangement livingArrangement,
                         @Nullable Long householdIncomePerCapitaFen, List<TagPeriod> tags,
                         @Nullable LocalDate deathDate, boolean demo) {

    public PersonView {
        tags = List.copyOf(tags);
    }

    /** A region by code with its name ({@code null} when the code is not in the region table, e.g. another city). */
    public record RegionRef(String code, @Nullable String name) {
    }
}
