package org.yiyang.person.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yiyang.person.Gb11643;
import org.yiyang.person.LivingArrangement;
import org.yiyang.person.NewResident;
import org.yiyang.person.PersonTag;
import org.yiyang.person.ResidentIdNumber;
import org.yiyang.person.TagPeriod;
import org.yiyang.region.Region;
import org.yiyang.region.RegionCode;
import org.yiyang.region.RegionLevel;
import org.yiyang.region.Regions;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.FieldProblem;
import org.yiyang.shared.InvalidInput;

/**
 * Checks a registration field by field and reports every bad field at once, for the registration form, the API and
 * each import row alike. Codes are stable (messages are {@code problem.<CODE>} in the bundles) and never carry the
 * submitted values.
 */
@Component
public class ResidentValidator {
    private static final Pattern MOBILE_OR_LANDLINE = Pattern.compile("1[3-9]\\d{9}|0\\d{9,11}");
    /** Column widths of the person tables (not policy). */
    private static final int NAME_MAX = 60;
    private static final int ADDRESS_MAX = 200;
    private static final int RELATION_MAX = 30;

    private final Regions regions;
    private final Clock clock;

    ResidentValidator(Regions regions, Clock clock) {
        this.regions = regions;
        this.clock = clock;
    }

    /** The outcome: a valid resident, or the problems (never both). */
    public record Outcome(@Nullable ValidResident resident, List<FieldProblem> problems) {
        public ValidResident orThrow() {
            if (resident == null) {
                throw new InvalidInput(problems);
            }
            return resident;
        }
    }

    public Outcome validate(NewResident r, Actor actor) {
        return validate(r, actor, RegionLookup.direct(regions));
    }

    /** Validates with a region look-up of the caller's choice (imports remember the answers). */
    public Outcome validate(NewResident r, Actor actor, RegionLookup lookup) {
        var problems = new InvalidInput.Collector();
        Region city = lookup.city();
        ResidentIdNumber id = idNumber(r.idNumber(), problems);
        String name = name(r.name(), "name", problems);
        String phone = phone(r.phone(), "phone", false, problems);
        String hukou = hukou(r.hukouRegion(), city, lookup, problems);
        Region residence = residence(r.residenceRegion(), actor, city, lookup, problems);
        String address = blankToNull(r.address());
        if (address != null && address.length() > ADDRESS_MAX) {
            problems.add("address", "ADDRESS_LENGTH");
        }
        LivingArrangement living = living(r.livingArrangement(), problems);
        Long income = r.householdIncomePerCapitaFen();
        if (income != null && income < 0) {
            problems.add("householdIncomePerCapitaFen", "INCOME_NEGATIVE");
        }
        List<TagPeriod> tags = tags(r.tags(), problems);
        List<ValidResident.Contact> contacts = contacts(r.emergencyContacts(), problems);
        if (!problems.isEmpty()) {
            return new Outcome(null, problems.problems());
        }
        return new Outcome(new ValidResident(id, name, phone, hukou, residence, address, living, income, tags,
                contacts), List.of());
    }

    private @Nullable ResidentIdNumber idNumber(@Nullable String raw, InvalidInput.Collector problems) {
        if (raw == null || raw.isBlank()) {
            problems.add("idNumber", "REQUIRED");
            return null;
        }
        String normalised = Gb11643.normalise(raw);
        Optional<Gb11643.Error> error = Gb11643.error(normalised, BusinessZone.today(clock));
        if (error.isPresent()) {
            problems.add("idNumber", "ID_NUMBER_" + error.get().name());
            return null;
        }
        return new ResidentIdNumber(normalised);
    }

    private static @Nullable String name(@Nullable String raw, String field, InvalidInput.Collector problems) {
        String name = blankToNull(raw);
        if (name == null) {
            problems.add(field, "REQUIRED");
        } else if (name.length() > NAME_MAX) {
            problems.add(field, "NAME_LENGTH");
        }
        return name;
    }

    /** Digits only: spaces, dashes and a leading +86 are dropped. */
    static @Nullable String normalisePhone(@Nullable String raw) {
        String phone = blankToNull(raw);
        if (phone == null) {
            return null;
        }
        phone = phone.replaceAll("[\\s-]", "");
        if (phone.startsWith("+86")) {
            phone = phone.substring(3);
        }
        return phone;
    }

    private static @Nullable String phone(@Nullable String raw, String field, boolean required,
                                          InvalidInput.Collector problems) {
        String phone = normalisePhone(raw);
        if (phone == null) {
            if (required) {
                problems.add(field, "REQUIRED");
            }
            return null;
        }
        if (!MOBILE_OR_LANDLINE.matcher(phone).matches()) {
            problems.add(field, "PHONE_FORMAT");
        }
        return phone;
    }

    /**
     * Hukou may be anywhere in the country: any well-formed county-level (or lower) code is accepted; a code inside
     * the city's prefix must exist in the region table.
     */
    private static @Nullable String hukou(@Nullable String raw, Region city, RegionLookup lookup,
                                          InvalidInput.Collector problems) {
        String code = blankToNull(raw);
        if (code == null) {
            problems.add("hukouRegion", "REQUIRED");
            return null;
        }
        if (!RegionCode.isWellFormed(code)) {
            problems.add("hukouRegion", "REGION_CODE_FORMAT");
            return null;
        }
        String cityPrefix = city.code().substring(0, 4);
        if (code.startsWith(cityPrefix)) {
            Optional<Region> region = lookup.find(code);
            if (region.isEmpty() || !region.get().level().isBelow(RegionLevel.CITY)) {
                problems.add("hukouRegion", "HUKOU_REGION");
                return null;
            }
        } else if (code.startsWith("00") || code.substring(4, 6).equals("00")) {
            problems.add("hukouRegion", "HUKOU_REGION");
            return null;
        }
        return code;
    }

    /** The residence is a community or village of the city, inside the actor's jurisdiction. */
    private static @Nullable Region residence(@Nullable String raw, Actor actor, Region city,
                                              RegionLookup lookup, InvalidInput.Collector problems) {
        String code = blankToNull(raw);
        if (code == null) {
            problems.add("residenceRegion", "REQUIRED");
            return null;
        }
        if (!RegionCode.isWellFormed(code)) {
            problems.add("residenceRegion", "REGION_CODE_FORMAT");
            return null;
        }
        Optional<Region> found = lookup.find(code);
        if (found.isEmpty()) {
            problems.add("residenceRegion", "REGION_UNKNOWN");
            return null;
        }
        Region region = found.get();
        if (region.level() != RegionLevel.COMMUNITY_VILLAGE || !region.isWithin(city)) {
            problems.add("residenceRegion", "REGION_OUTSIDE_CITY");
            return null;
        }
        String jurisdiction = actor.jurisdictionPath();
        if (!(region.path().equals(jurisdiction) || region.path().startsWith(jurisdiction + "."))) {
            problems.add("residenceRegion", "OUTSIDE_JURISDICTION");
            return null;
        }
        return region;
    }

    private static @Nullable LivingArrangement living(@Nullable String raw, InvalidInput.Collector problems) {
        String code = blankToNull(raw);
        if (code == null) {
            return null;
        }
        try {
            return LivingArrangement.valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("livingArrangement", "LIVING_ARRANGEMENT_UNKNOWN");
            return null;
        }
    }

    private static List<TagPeriod> tags(List<NewResident.Tag> raw, InvalidInput.Collector problems) {
        var tags = new ArrayList<TagPeriod>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            NewResident.Tag t = raw.get(i);
            String field = "tags[" + i + "]";
            PersonTag tag = null;
            String code = t == null ? null : blankToNull(t.tag());
            if (code == null) {
                problems.add(field + ".tag", "REQUIRED");
            } else {
                try {
                    tag = PersonTag.valueOf(code.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(field + ".tag", "TAG_UNKNOWN");
                }
            }
            LocalDate from = t == null ? null : t.validFrom();
            LocalDate to = t == null ? null : t.validTo();
            if (from == null) {
                problems.add(field + ".validFrom", "REQUIRED");
            } else if (to != null && to.isBefore(from)) {
                problems.add(field + ".validTo", "TAG_PERIOD");
            } else if (tag != null && !seen.add(tag + "@" + from)) {
                problems.add(field + ".validFrom", "TAG_PERIOD");
            }
            if (tag != null && from != null && (to == null || !to.isBefore(from))) {
                tags.add(new TagPeriod(tag, from, to));
            }
        }
        return tags;
    }

    private static List<ValidResident.Contact> contacts(List<NewResident.Contact> raw,
                                                        InvalidInput.Collector problems) {
        var contacts = new ArrayList<ValidResident.Contact>();
        for (int i = 0; i < raw.size(); i++) {
            NewResident.Contact c = raw.get(i);
            String field = "emergencyContacts[" + i + "]";
            String name = name(c == null ? null : c.name(), field + ".name", problems);
            String relation = blankToNull(c == null ? null : c.relation());
            if (relation == null) {
                problems.add(field + ".relation", "REQUIRED");
            } else if (relation.length() > RELATION_MAX) {
                problems.add(field + ".relation", "RELATION_LENGTH");
            }
            String phone = phone(c == null ? null : c.phone(), field + ".phone", true, problems);
            if (name != null && relation != null && phone != null) {
                contacts.add(new ValidResident.Contact(name, relation, phone));
            }
        }
        return contacts;
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
