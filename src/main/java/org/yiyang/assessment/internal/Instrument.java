package org.yiyang.assessment.internal;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One versioned assessment instrument as loaded from {@code policy/instruments/*.json}: its dimensions (一级指标),
 * items with their options and points, level bands, level-change parameters and organisational values. Only
 * {@link InstrumentChecks} makes one usable; nothing here is a Java constant.
 *
 * @param gradeEntry {@code COMPUTED} (levels from bands and rules) or {@code ASSESSOR} (the assessor enters the grade)
 */
public record Instrument(String code, String version, String title, @Nullable String source, int total,
                         String gradeEntry, int assessorsRequired, int validityMonths, int routineIntervalMonths,
                         int reassessmentNoticeDays, List<Dimension> dimensions, List<Level> levels,
                         @Nullable AdjustmentRules adjustment, @Nullable Combination combination) {

    public static final String COMPUTED = "COMPUTED";
    public static final String ASSESSOR_ENTERED = "ASSESSOR";

    public Instrument {
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    public boolean computesLevels() {
        return COMPUTED.equals(gradeEntry);
    }

    public List<Item> items() {
        return dimensions.stream().flatMap(d -> d.items().stream()).toList();
    }

    public Optional<Item> item(String code) {
        return items().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public Optional<Level> level(int number) {
        return levels.stream().filter(l -> l.level() == number).findFirst();
    }

    /** The level whose band holds the total (bands are checked to cover 0..total exactly once). */
    public Level band(int score) {
        return levels.stream().filter(l -> l.holds(score)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no band holds " + score + " in " + code));
    }

    public AdjustmentRules rules() {
        if (adjustment == null) {
            throw new IllegalStateException(code + " has no level-change rules");
        }
        return adjustment;
    }

    /**
     * The combination matrix of an assessor-entered instrument (LTC 2021): shipped empty and disabled until the official
     * table is known; while disabled the assessor enters the grade.
     */
    public record Combination(boolean enabled, List<Object> rows) {
        public Combination {
            rows = rows == null ? List.of() : List.copyOf(rows);
        }
    }

    /** A primary indicator (一级指标) with its items. */
    public record Dimension(String code, String name, @Nullable String nameEn, @Nullable Integer max,
                            List<Item> items) {
        public Dimension {
            items = items == null ? List.of() : List.copyOf(items);
        }

        public int maxPoints() {
            return items.stream().mapToInt(Item::maxPoints).sum();
        }
    }

    /** A secondary indicator (二级指标): code, wording, help text and options. */
    public record Item(String code, String text, @Nullable String help, @Nullable String textEn,
                       List<Option> options) {
        public Item {
            options = options == null ? List.of() : List.copyOf(options);
        }

        public int maxPoints() {
            return options.stream().mapToInt(Option::points).max().orElse(0);
        }

        public boolean offers(int points) {
            return options.stream().anyMatch(o -> o.points() == points);
        }
    }

    /** One answer of an item: its points and verbatim wording. */
    public record Option(int points, String text) {
    }

    /** A level with its names and, for computed instruments, its band of totals (inclusive). */
    public record Level(int level, String name, @Nullable String nameEn, @Nullable Integer min,
                        @Nullable Integer max) {
        boolean holds(int score) {
            return min != null && max != null && min <= score && score <= max;
        }
    }

    /** An inclusive range of ICD-10 three-character categories, e.g. F00–F03. */
    public record IcdRange(String from, String to) {
        public boolean contains(String category) {
            return from.compareTo(category) <= 0 && category.compareTo(to) <= 0;
        }

        @Override
        public String toString() {
            return from + "–" + to;
        }
    }

    /** Parameters of the C.4 level-change rules (spec §4). */
    public record AdjustmentRules(int comaTargetLevel, boolean cumulative, int maxLevel, int riskEventThreshold,
                                  String riskEventAggregation, boolean f04f99RequiresPsychiatrist,
                                  IcdRange dementiaRange, IcdRange otherMentalRange, List<String> riskKinds) {
        public AdjustmentRules {
            riskKinds = riskKinds == null ? List.of() : List.copyOf(riskKinds);
        }

        public AdjustmentRules withCumulative(boolean value) {
            return new AdjustmentRules(comaTargetLevel, value, maxLevel, riskEventThreshold, riskEventAggregation,
                    f04f99RequiresPsychiatrist, dementiaRange, otherMentalRange, riskKinds);
        }

        public AdjustmentRules withPsychiatristRequired(boolean value) {
            return new AdjustmentRules(comaTargetLevel, cumulative, maxLevel, riskEventThreshold,
                    riskEventAggregation, value, dementiaRange, otherMentalRange, riskKinds);
        }
    }

    public Instrument withRules(AdjustmentRules rules) {
        return new Instrument(code, version, title, source, total, gradeEntry, assessorsRequired, validityMonths,
                routineIntervalMonths, reassessmentNoticeDays, dimensions, levels, rules, combination);
    }
}
