package org.yiyang.eligibility.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.yiyang.assessment.CareLevel;
import org.yiyang.eligibility.PersonFacts;
import org.yiyang.person.LivingArrangement;
import org.yiyang.person.PersonTag;
import org.yiyang.shared.InvalidInput;

/** Checks facts given inline: every problem is reported at once, none echoes the value. */
final class FactsValidator {
    private static final Set<String> TAGS = names(PersonTag.values());
    private static final Set<String> ARRANGEMENTS = names(LivingArrangement.values());
    private static final Set<String> INSURED_TYPES = Set.of("EMPLOYEE", "RESIDENT");

    private FactsValidator() {
    }

    static void check(PersonFacts person, LocalDate asOf) {
        var problems = new InvalidInput.Collector();
        if (person.birthDate() == null) {
            problems.add("person.birthDate", "REQUIRED");
        } else if (person.birthDate().isAfter(asOf)) {
            problems.add("person.birthDate", "AFTER_AS_OF");
        }
        region(person.hukouRegion(), "person.hukouRegion", problems);
        region(person.residenceRegion(), "person.residenceRegion", problems);
        if (person.tags() != null) {
            for (int i = 0; i < person.tags().size(); i++) {
                if (!TAGS.contains(person.tags().get(i))) {
                    problems.add("person.tags[" + i + "]", "UNKNOWN_TAG", String.join(", ", TAGS));
                }
            }
        }
        if (person.livingArrangement() != null && !ARRANGEMENTS.contains(person.livingArrangement())) {
            problems.add("person.livingArrangement", "NOT_ONE_OF", String.join(", ", ARRANGEMENTS));
        }
        if (person.householdIncomePerCapitaFen() != null && person.householdIncomePerCapitaFen() < 0) {
            problems.add("person.householdIncomePerCapitaFen", "NEGATIVE");
        }
        int highest = CareLevel.values().length - 1; // the scale's levels, 0 能力完好 … 4 完全失能
        if (person.careNeedsLevel() != null && (person.careNeedsLevel() < 0 || person.careNeedsLevel() > highest)) {
            problems.add("person.careNeedsLevel", "OUT_OF_RANGE", 0, highest);
        }
        if (person.ltcInsuredType() != null && !INSURED_TYPES.contains(person.ltcInsuredType())) {
            problems.add("person.ltcInsuredType", "NOT_ONE_OF", String.join(", ", INSURED_TYPES));
        }
        problems.throwIfAny();
    }

    private static void region(String code, String field, InvalidInput.Collector problems) {
        if (code != null && !code.matches("\\d{12}")) {
            problems.add(field, "REGION_CODE_FORMAT");
        }
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
