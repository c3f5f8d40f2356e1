package org.yiyang.person.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yiyang.person.NewResident;
import org.yiyang.shared.FieldProblem;

/**
 * Turns an import row into a registration request, collecting the problems of values that cannot even be read
 * (income not a number, a malformed tag list); everything else is left to the validator.
 */
public final class ImportRowReader {

    private ImportRowReader() {
    }

    /** The request (never null) and the problems found while reading it. */
    public record Read(NewResident request, List<FieldProblem> problems) {
    }

    public static Read read(ResidentFile.ImportRow row) {
        var problems = new ArrayList<FieldProblem>();
        Long income = null;
        String rawIncome = row.get("householdIncomePerCapitaFen");
        if (rawIncome != null) {
            try {
                income = Long.parseLong(rawIncome);
            } catch (NumberFormatException e) {
                problems.add(FieldProblem.of("householdIncomePerCapitaFen", "INCOME_FORMAT"));
            }
        }
        List<NewResident.Tag> tags = tags(row.get("tags"), problems);
        var request = new NewResident(row.get("idNumber"), row.get("name"), row.get("phone"), row.get("hukouRegion"),
                row.get("residenceRegion"), row.get("address"), row.get("livingArrangement"), income, tags, List.of(),
                true);
        return new Read(request, problems);
    }

    /** {@code TAG:from:to;TAG:from:} — the end date may be empty (open-ended). */
    static List<NewResident.Tag> tags(@Nullable String raw, List<FieldProblem> problems) {
        var tags = new ArrayList<NewResident.Tag>();
        if (raw == null || raw.isBlank()) {
            return tags;
        }
        for (String entry : raw.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split(":", -1);
            if (parts.length < 2 || parts.length > 3) {
                problems.add(FieldProblem.of("tags", "TAG_FORMAT"));
                return List.of();
            }
            try {
                LocalDate from = parts[1].isBlank() ? null : LocalDate.parse(parts[1].strip());
                LocalDate to = parts.length < 3 || parts[2].isBlank() ? null : LocalDate.parse(parts[2].strip());
                tags.add(new NewResident.Tag(parts[0].strip(), from, to));
            } catch (DateTimeParseException e) {
                problems.add(FieldProblem.of("tags", "TAG_FORMAT"));
                return List.of();
            }
        }
        return tags;
    }
}
