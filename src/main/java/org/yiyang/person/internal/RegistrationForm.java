package org.yiyang.person.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yiyang.person.NewResident;
import org.yiyang.shared.FieldProblem;

/**
 * The registration form as typed: every value a string, so the form can be shown again exactly as entered. It has
 * two tag rows and one emergency contact row; blank rows are ignored.
 */
record RegistrationForm(Map<String, String> values) {
    static final int TAG_ROWS = 2;

    static RegistrationForm empty() {
        return new RegistrationForm(Map.of());
    }

    /** A value for {@code th:value}; empty when absent. */
    public String get(String name) {
        String v = values.get(name);
        return v == null ? "" : v;
    }

    boolean confirmed() {
        return "true".equals(values.get("confirmedNotDuplicate"));
    }

    /** The request and the problems of values that cannot even be read (a number or a date). */
    ImportRowReader.Read toRequest() {
        var problems = new ArrayList<FieldProblem>();
        Long income = null;
        String rawIncome = blank(values.get("householdIncomePerCapitaFen"));
        if (rawIncome != null) {
            try {
                income = Long.parseLong(rawIncome);
            } catch (NumberFormatException e) {
                problems.add(FieldProblem.of("householdIncomePerCapitaFen", "INCOME_FORMAT"));
            }
        }
        var tags = new ArrayList<NewResident.Tag>();
        for (int i = 0; i < TAG_ROWS; i++) {
            String prefix = "tags[" + i + "].";
            String tag = blank(values.get(prefix + "tag"));
            String from = blank(values.get(prefix + "validFrom"));
            String to = blank(values.get(prefix + "validTo"));
            if (tag == null && from == null && to == null) {
                continue;
            }
            int row = tags.size();
            tags.add(new NewResident.Tag(tag, date(from, "tags[" + row + "].validFrom", problems),
                    date(to, "tags[" + row + "].validTo", problems)));
        }
        var contacts = new ArrayList<NewResident.Contact>();
        String cName = blank(values.get("emergencyContacts[0].name"));
        String cRelation = blank(values.get("emergencyContacts[0].relation"));
        String cPhone = blank(values.get("emergencyContacts[0].phone"));
        if (cName != null || cRelation != null || cPhone != null) {
            contacts.add(new NewResident.Contact(cName, cRelation, cPhone));
        }
        var request = new NewResident(values.get("idNumber"), values.get("name"), values.get("phone"),
                values.get("hukouRegion"), values.get("residenceRegion"), values.get("address"),
                blank(values.get("livingArrangement")), income, tags, contacts, confirmed());
        return new ImportRowReader.Read(request, problems);
    }

    private static @Nullable LocalDate date(@Nullable String raw, String field, List<FieldProblem> problems) {
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "DATE_FORMAT"));
            return null;
        }
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
