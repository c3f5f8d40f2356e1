package org.yiyang.assessment.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** ICD-10 codes as written on a diagnosis: a category (F01) with an optional sub-code (F01.1). */
final class Icd10 {
    private static final Pattern CODE = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?");
    private static final Pattern CATEGORY = Pattern.compile("[A-Z][0-9]{2}");

    private Icd10() {
    }

    static String normalise(String raw) {
        return raw.strip().toUpperCase(Locale.ROOT);
    }

    static boolean isWellFormed(@Nullable String raw) {
        return raw != null && CODE.matcher(normalise(raw)).matches();
    }

    static boolean isCategory(@Nullable String raw) {
        return raw != null && CATEGORY.matcher(raw).matches();
    }

    /** The three-character category a (well-formed) code falls in: F01.1 → F01. */
    static String category(String code) {
        return normalise(code).substring(0, 3);
    }
}
