package org.yiyang.assessment;

/**
 * GB/T 42195-2022 overall level (老年人能力等级); declaration order is scale order, so the ordinal is the level number
 * 0–4. The bands, the raise and its ceiling stay in versioned instrument data.
 */
public enum CareLevel {
    /** 0 能力完好. */
    INTACT,
    /** 1 能力轻度受损（轻度失能）. */
    MILD,
    /** 2 能力中度受损（中度失能）. */
    MODERATE,
    /** 3 能力重度受损（重度失能）. */
    SEVERE,
    /** 4 能力完全丧失（完全失能）. */
    TOTAL;

    public static CareLevel ofNumber(int level) {
        if (level < 0 || level >= values().length) {
            throw new IllegalArgumentException("no care level " + level);
        }
        return values()[level];
    }

    /** The level number of the standard (0 能力完好 … 4 完全失能). */
    public int number() {
        return ordinal();
    }

    public boolean isAtLeast(CareLevel other) {
        return compareTo(other) >= 0;
    }

    /** This level raised by {@code steps}, never beyond {@code ceiling} (and never lowered by it). */
    public CareLevel raisedBy(int steps, CareLevel ceiling) {
        if (steps < 0) {
            throw new IllegalArgumentException("a raise cannot be negative");
        }
        int target = Math.min(ordinal() + steps, Math.max(ceiling.ordinal(), ordinal()));
        return values()[target];
    }

    /** The message key of the level's name ({@code assessment.level.MILD}). */
    public String nameKey() {
        return "assessment.level." + name();
    }
}
