package org.yiyang.assessment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yiyang.shared.InvalidInput;

/**
 * The Appendix A data set captured with the items (spec §6), beyond the C.4 inputs that {@link ScoringInput} carries
 * (A.2.14 risk events, A.4.1 diagnoses, A.5.11 coma). A.1 (number, date, reason) comes from the assessment itself and
 * its visit; A.2.1–A.2.3 and A.2.8 (name, sex, birth date, ID number) from the resident registry. Every value here is
 * health or personal data: stored only inside the encrypted answers document, never logged.
 *
 * @param basic       A.2.4–A.2.13: {@code heightCm}, {@code weightKg} (integers), {@code ethnicity}, {@code religion},
 *                    {@code education}, {@code maritalStatus} (codes), {@code livingWith}, {@code medicalPayment},
 *                    {@code incomeSources} (lists)
 * @param informant   A.3: {@code name}, {@code relation} (code), {@code contactName}, {@code contactPhone}
 * @param medications A.4.2: rows of {@code name}, {@code route}, {@code dose}, {@code frequency}
 * @param health      A.5.1–A.5.10: {@code A.5.1} pressure injury (code), {@code A.5.4} special care (list of codes),
 *                    the others short texts (their option lists are still to be configured)
 */
public record AppendixA(Map<String, Object> basic, Map<String, Object> informant, List<Map<String, Object>> medications,
                        Map<String, Object> health) {

    static final Set<String> EDUCATION = Set.of("ILLITERATE", "PRIMARY", "JUNIOR_SECONDARY", "SENIOR_SECONDARY",
            "COLLEGE_OR_ABOVE", "UNKNOWN");
    static final Set<String> MARITAL = Set.of("UNMARRIED", "MARRIED", "WIDOWED", "DIVORCED", "NOT_STATED");
    static final Set<String> LIVING_WITH = Set.of("ALONE", "SPOUSE", "CHILDREN", "PARENTS", "SIBLINGS",
            "OTHER_RELATIVES", "NON_RELATIVES", "CARE_INSTITUTION");
    static final Set<String> INFORMANT_RELATION = Set.of("SELF", "SPOUSE", "CHILD", "OTHER_RELATIVE",
            "HIRED_CAREGIVER", "COMMUNITY_WORKER", "OTHER");
    static final Set<String> PRESSURE_INJURY = Set.of("NONE", "STAGE_1", "STAGE_2", "STAGE_3", "STAGE_4",
            "UNSTAGEABLE");
    static final Set<String> SPECIAL_CARE = Set.of("GASTRIC_TUBE", "URINARY_CATHETER", "TRACHEOSTOMY", "STOMA",
            "NON_INVASIVE_VENTILATOR", "DIALYSIS", "OTHER");
    static final Set<String> BASIC_TEXT = Set.of("ethnicity", "religion");
    static final Set<String> BASIC_LISTS = Set.of("medicalPayment", "incomeSources");
    static final Set<String> INFORMANT_TEXT = Set.of("name", "contactName", "contactPhone");
    static final Set<String> MEDICATION_TEXT = Set.of("name", "route", "dose", "frequency");
    static final Set<String> HEALTH_TEXT = Set.of("A.5.2", "A.5.3", "A.5.5", "A.5.6", "A.5.7", "A.5.8", "A.5.9",
            "A.5.10");
    static final int MAX_TEXT = 100;

    public static AppendixA empty() {
        return new AppendixA(Map.of(), Map.of(), List.of(), Map.of());
    }

    public AppendixA {
        basic = basic == null ? Map.of() : new LinkedHashMap<>(basic);
        informant = informant == null ? Map.of() : new LinkedHashMap<>(informant);
        medications = medications == null ? List.of() : List.copyOf(medications);
        health = health == null ? Map.of() : new LinkedHashMap<>(health);
    }

    public boolean isEmpty() {
        return basic.isEmpty() && informant.isEmpty() && medications.isEmpty() && health.isEmpty();
    }

    /** Every problem of the data set, by field under {@code appendix.}; empty when it is well-formed. */
    List<org.yiyang.shared.FieldProblem> problems() {
        var p = new InvalidInput.Collector();
        basic.forEach((k, v) -> {
            String f = "appendix.basic." + k;
            switch (k) {
                case "heightCm" -> integer(p, f, v, 50, 250);
                case "weightKg" -> integer(p, f, v, 20, 300);
                case "education" -> code(p, f, v, EDUCATION);
                case "maritalStatus" -> code(p, f, v, MARITAL);
                case "livingWith" -> codes(p, f, v, LIVING_WITH);
                default -> {
                    if (BASIC_TEXT.contains(k)) {
                        text(p, f, v);
                    } else if (BASIC_LISTS.contains(k)) {
                        texts(p, f, v);
                    } else {
                        p.add(f, "UNKNOWN_PROPERTY");
                    }
                }
            }
        });
        informant.forEach((k, v) -> {
            String f = "appendix.informant." + k;
            if (k.equals("relation")) {
                code(p, f, v, INFORMANT_RELATION);
            } else if (INFORMANT_TEXT.contains(k)) {
                text(p, f, v);
            } else {
                p.add(f, "UNKNOWN_PROPERTY");
            }
        });
        for (int i = 0; i < medications.size(); i++) {
            Map<String, Object> row = medications.get(i);
            String f = "appendix.medications[" + i + "]";
            if (row == null || !(row.get("name") instanceof String n) || n.isBlank()) {
                p.add(f + ".name", "REQUIRED");
            }
            if (row != null) {
                row.forEach((k, v) -> {
                    if (MEDICATION_TEXT.contains(k)) {
                        text(p, f + "." + k, v);
                    } else {
                        p.add(f + "." + k, "UNKNOWN_PROPERTY");
                    }
                });
            }
        }
        health.forEach((k, v) -> {
            String f = "appendix.health." + k;
            if (k.equals("A.5.1")) {
                code(p, f, v, PRESSURE_INJURY);
            } else if (k.equals("A.5.4")) {
                codes(p, f, v, SPECIAL_CARE);
            } else if (HEALTH_TEXT.contains(k)) {
                text(p, f, v);
            } else {
                p.add(f, "UNKNOWN_PROPERTY");
            }
        });
        return p.problems();
    }

    /** The values as a plain document for the encrypted store. */
    Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("basic", basic);
        doc.put("informant", informant);
        doc.put("medications", medications);
        doc.put("health", health);
        return doc;
    }

    @SuppressWarnings("unchecked")
    static AppendixA of(@Nullable Object document) {
        if (!(document instanceof Map<?, ?> doc)) {
            return empty();
        }
        List<Map<String, Object>> meds = new ArrayList<>();
        if (doc.get("medications") instanceof List<?> list) {
            for (Object row : list) {
                meds.add(row instanceof Map<?, ?> m ? (Map<String, Object>) m : null);
            }
        }
        return new AppendixA(map(doc.get("basic")), map(doc.get("informant")), meds, map(doc.get("health")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(@Nullable Object v) {
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static void integer(InvalidInput.Collector p, String f, @Nullable Object v, int min, int max) {
        if (!(v instanceof Integer n) || n < min || n > max) {
            p.add(f, "OUT_OF_RANGE", min, max);
        }
    }

    private static void code(InvalidInput.Collector p, String f, @Nullable Object v, Set<String> allowed) {
        if (!(v instanceof String s) || !allowed.contains(s)) {
            p.add(f, "UNKNOWN_CODE");
        }
    }

    private static void codes(InvalidInput.Collector p, String f, @Nullable Object v, Set<String> allowed) {
        if (!(v instanceof List<?> list) || list.stream().anyMatch(x -> !(x instanceof String s) || !allowed.contains(s))) {
            p.add(f, "UNKNOWN_CODE");
        }
    }

    private static void text(InvalidInput.Collector p, String f, @Nullable Object v) {
        if (!(v instanceof String s) || s.length() > MAX_TEXT) {
            p.add(f, "TEXT_TOO_LONG_OR_NOT_TEXT", MAX_TEXT);
        }
    }

    private static void texts(InvalidInput.Collector p, String f, @Nullable Object v) {
        if (!(v instanceof List<?> list) || list.stream().anyMatch(x -> !(x instanceof String s) || s.length() > MAX_TEXT)) {
            p.add(f, "TEXT_TOO_LONG_OR_NOT_TEXT", MAX_TEXT);
        }
    }

    @Override
    public String toString() {
        return "AppendixA[…]"; // health and personal data: never printed
    }
}
