package org.yiyang.eligibility.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yiyang.eligibility.ServiceItem;
import org.yiyang.eligibility.internal.rules.Fact;
import org.yiyang.eligibility.internal.rules.FactValues;

/**
 * A person's facts on the evaluation date, whether given inline (the calculator) or read from the registry (a
 * registered person, through the same {@link FactsQuery} the population query uses). Null means unknown.
 *
 * @param tags the tags held on {@code asOf}
 */
record Facts(LocalDate asOf, LocalDate birthDate, @Nullable String hukouRegion, @Nullable String residenceRegion,
             Set<String> tags, @Nullable String livingArrangement, @Nullable Boolean livingAtHome,
             @Nullable Long incomePerCapitaFen, @Nullable Integer careLevel, @Nullable String ltcInsuredType,
             @Nullable Long dibaoStandardFen) {

    Facts {
        tags = Set.copyOf(tags);
    }

    /** Living at home unless in an institution; unknown when the living arrangement is. */
    static @Nullable Boolean livingAtHomeOf(@Nullable String livingArrangement) {
        return livingArrangement == null ? null : !"IN_INSTITUTION".equals(livingArrangement);
    }

    /** The date on which the item counts age. */
    static LocalDate ageDate(ServiceItem item, LocalDate asOf) {
        return item.ageReference() == ServiceItem.AgeReference.FIRST_DAY_OF_MONTH ? asOf.withDayOfMonth(1) : asOf;
    }

    FactValues forItem(ServiceItem item) {
        int age = Period.between(birthDate, ageDate(item, asOf)).getYears();
        return new FactValues() {
            @Override
            public @Nullable Object value(Fact fact) {
                return switch (fact) {
                    case AGE -> BigDecimal.valueOf(age);
                    case HUKOU_REGION -> hukouRegion;
                    case RESIDENCE_REGION -> residenceRegion;
                    case LIVING_ARRANGEMENT -> livingArrangement;
                    case LIVING_AT_HOME -> livingAtHome;
                    case INCOME_PER_CAPITA_FEN -> decimal(incomePerCapitaFen);
                    case CARE_LEVEL -> careLevel == null ? null : BigDecimal.valueOf(careLevel);
                    case LTC_INSURED_TYPE -> ltcInsuredType;
                    case DIBAO_STANDARD_FEN -> decimal(dibaoStandardFen);
                    case TAGS -> throw new IllegalStateException("tags are read through holds()");
                };
            }

            @Override
            public boolean holds(String tag) {
                return tags.contains(tag);
            }
        };
    }

    private static @Nullable BigDecimal decimal(@Nullable Long value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
