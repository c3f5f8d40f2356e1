package org.yiyang.assessment.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yiyang.assessment.CareLevel;

/**
 * The checks a loaded instrument must pass before it is used: item maxima add up to each dimension's and the declared
 * total, bands cover 0..total without gaps or overlaps, option points are distinct within an item, and the rule
 * parameters point at existing levels. Each fault is a sentence naming what is wrong.
 */
final class InstrumentChecks {
    private InstrumentChecks() {
    }

    static List<String> faults(Instrument in) {
        List<String> faults = new ArrayList<>();
        if (blank(in.code())) {
            faults.add("the instrument has no code");
        }
        if (blank(in.gradeEntry()) || !(in.computesLevels() || Instrument.ASSESSOR_ENTERED.equals(in.gradeEntry()))) {
            faults.add("gradeEntry must be COMPUTED or ASSESSOR");
        }
        if (in.assessorsRequired() < 1) {
            faults.add("assessorsRequired must be at least 1");
        }
        if (in.validityMonths() < 1) {
            faults.add("validityMonths must be at least 1");
        }
        if (in.dimensions().isEmpty()) {
            faults.add("the instrument has no dimensions");
        }
        Set<String> codes = new HashSet<>();
        int sum = 0;
        for (Instrument.Dimension d : in.dimensions()) {
            if (d.items().isEmpty()) {
                faults.add("dimension " + d.code() + " has no items");
            }
            for (Instrument.Item item : d.items()) {
                if (blank(item.code()) || !codes.add(item.code())) {
                    faults.add("item code " + item.code() + " is blank or not unique");
                }
                if (blank(item.text())) {
                    faults.add("item " + item.code() + " has no text");
                }
                if (item.options().isEmpty()) {
                    faults.add("item " + item.code() + " has no options");
                }
                Set<Integer> points = new HashSet<>();
                for (Instrument.Option o : item.options()) {
                    if (o.points() < 0) {
                        faults.add("item " + item.code() + " has an option with negative points " + o.points());
                    }
                    if (!points.add(o.points())) {
                        faults.add("item " + item.code() + " offers " + o.points() + " points more than once");
                    }
                    if (blank(o.text())) {
                        faults.add("item " + item.code() + " option " + o.points() + " has no wording");
                    }
                }
            }
            if (d.max() != null && d.max() != d.maxPoints()) {
                faults.add("dimension " + d.code() + " declares max " + d.max() + " but its item maxima add up to "
                        + d.maxPoints());
            }
            sum += d.maxPoints();
        }
        if (sum != in.total()) {
            faults.add("item maxima add up to " + sum + " but the declared total is " + in.total());
        }
        checkLevels(in, faults);
        return faults;
    }

    private static void checkLevels(Instrument in, List<String> faults) {
        if (in.levels().isEmpty()) {
            faults.add("the instrument has no levels");
            return;
        }
        Set<Integer> numbers = new HashSet<>();
        for (Instrument.Level l : in.levels()) {
            if (!numbers.add(l.level())) {
                faults.add("level " + l.level() + " is declared more than once");
            }
            if (blank(l.name())) {
                faults.add("level " + l.level() + " has no name");
            }
        }
        if (!in.computesLevels()) {
            if (in.combination() != null && in.combination().enabled()) {
                faults.add("an assessor-entered instrument cannot enable a combination matrix (not yet supported)");
            }
            return;
        }
        if (numbers.size() != CareLevel.values().length || !numbers.containsAll(Set.of(0, 1, 2, 3, 4))) {
            faults.add("a computed instrument must declare levels 0 to " + (CareLevel.values().length - 1));
        }
        List<Instrument.Level> bands = new ArrayList<>();
        for (Instrument.Level l : in.levels()) {
            if (l.min() == null || l.max() == null) {
                faults.add("level " + l.level() + " has no band (min and max)");
            } else if (l.min() > l.max()) {
                faults.add("level " + l.level() + " band " + l.min() + ".." + l.max() + " is empty");
            } else {
                bands.add(l);
            }
        }
        bands.sort(Comparator.comparingInt(Instrument.Level::min));
        int next = 0;
        for (Instrument.Level b : bands) {
            if (b.min() > next) {
                faults.add("bands leave " + next + ".." + (b.min() - 1) + " uncovered");
            } else if (b.min() < next) {
                faults.add("band of level " + b.level() + " (" + b.min() + ".." + b.max()
                        + ") overlaps the band below it");
            }
            next = Math.max(next, b.max() + 1);
        }
        if (next <= in.total()) {
            faults.add("bands leave " + next + ".." + in.total() + " uncovered");
        } else if (next > in.total() + 1) {
            faults.add("bands reach " + (next - 1) + ", beyond the total " + in.total());
        }
        Instrument.AdjustmentRules r = in.adjustment();
        if (r == null) {
            faults.add("a computed instrument needs its level-change rules (adjustment)");
            return;
        }
        if (!numbers.contains(r.comaTargetLevel())) {
            faults.add("adjustment.comaTargetLevel " + r.comaTargetLevel() + " is not a level");
        }
        if (!numbers.contains(r.maxLevel())) {
            faults.add("adjustment.maxLevel " + r.maxLevel() + " is not a level");
        }
        if (r.riskEventThreshold() < 1) {
            faults.add("adjustment.riskEventThreshold must be at least 1");
        }
        if (!"SUM_ALL_KINDS".equals(r.riskEventAggregation())) {
            faults.add("adjustment.riskEventAggregation must be SUM_ALL_KINDS");
        }
        if (r.riskKinds().isEmpty()) {
            faults.add("adjustment.riskKinds is empty");
        }
        for (Instrument.IcdRange range : new Instrument.IcdRange[]{r.dementiaRange(), r.otherMentalRange()}) {
            if (range == null || !Icd10.isCategory(range.from()) || !Icd10.isCategory(range.to())
                    || range.from().compareTo(range.to()) > 0) {
                faults.add("adjustment ICD-10 range " + range + " is not a range of three-character categories");
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
