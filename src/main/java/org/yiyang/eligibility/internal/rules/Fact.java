package org.yiyang.eligibility.internal.rules;

import java.util.Arrays;
import java.util.Optional;

/**
 * The facts a target-group rule may read, each under its name in the rule language. Every fact except {@link #TAGS}
 * may be unknown for a person; a clause over an unknown fact is unknown, not false.
 */
public enum Fact {
    /** Whole years of age on the item's age reference date (the evaluation date unless the item says otherwise). */
    AGE("age", Kind.INT, "age"),
    /** Hukou region code (12 digits, GB/T 2260 + township + community). */
    HUKOU_REGION("hukouRegion", Kind.STRING, "hukou_region"),
    /** Residence region code. */
    RESIDENCE_REGION("residenceRegion", Kind.STRING, "residence_region"),
    /** The person tags held on the evaluation date; only used as {@code "DIBAO" in tags}. */
    TAGS("tags", Kind.TAGS, ""),
    /** ALONE, ONLY_WITH_SEVERELY_DISABLED_CHILD, PURE_ELDERLY_HOUSEHOLD, WITH_FAMILY or IN_INSTITUTION. */
    LIVING_ARRANGEMENT("livingArrangement", Kind.STRING, "living_arrangement"),
    /** Lives at home (not in an institution). */
    LIVING_AT_HOME("livingAtHome", Kind.BOOL, "living_at_home"),
    /** Household income per person and month, in fen (家庭人均月收入). */
    INCOME_PER_CAPITA_FEN("incomePerCapitaFen", Kind.MONEY, "income_per_capita_fen"),
    /** GB/T 42195-2022 final level 0–4 of the result valid on the evaluation date (CareNeeds.current). */
    CARE_LEVEL("careLevel", Kind.INT, "care_level"),
    /** LTC insured type on the evaluation date: EMPLOYEE or RESIDENT. */
    LTC_INSURED_TYPE("ltcInsuredType", Kind.STRING, "ltc_insured_type"),
    /** The city's 低保 standard in force on the evaluation date, per person and month, in fen. Not a person's fact. */
    DIBAO_STANDARD_FEN("dibaoStandardFen", Kind.MONEY, "");

    /** The value types of the rule language; money is in fen and evaluated exactly. */
    public enum Kind { INT, MONEY, STRING, BOOL, TAGS }

    private final String ruleName;
    private final Kind kind;
    private final String column;

    Fact(String ruleName, Kind kind, String column) {
        this.ruleName = ruleName;
        this.kind = kind;
        this.column = column;
    }

    public String ruleName() {
        return ruleName;
    }

    public Kind kind() {
        return kind;
    }

    /** The column of the facts relation that holds it (empty for tags and the standard). */
    String column() {
        return column;
    }

    public static Optional<Fact> byRuleName(String name) {
        return Arrays.stream(values()).filter(f -> f.ruleName.equals(name)).findFirst();
    }
}
