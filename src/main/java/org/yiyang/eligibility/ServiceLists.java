package org.yiyang.eligibility;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yiyang.shared.Actor;

/**
 * The versions of the service list: read and compare them (staff), submit a new version as a draft, see who would
 * gain or lose each item before activating it, and activate it (city officers). An active version applies from its
 * effective date; history stays queryable.
 */
public interface ServiceLists {

    List<VersionSummary> versions(Actor actor);

    ServiceListVersion version(String code, Actor actor);

    /** A version's header: status, period, item count. */
    VersionSummary summary(String code, Actor actor);

    /** The version in force on the day ("what was the rule on 2025-03-01?"). */
    VersionSummary inForce(LocalDate day, Actor actor);

    /** Checks and stores a new version as a draft; a faulty document is refused with every fault, nothing stored. */
    VersionSummary submit(String document, Actor actor);

    /** Items added, removed and changed from one version to another. */
    Comparison compare(String fromCode, String toCode, Actor actor);

    /**
     * Counts, in the actor's jurisdiction, who would gain and who would lose each item if the version replaced the
     * one in force on {@code asOf}, with a few names of each for checking.
     */
    DryRun dryRun(String code, LocalDate asOf, Actor actor);

    /** Activates a draft; it applies from its effective date. */
    VersionSummary activate(String code, Actor actor);

    /** A version's header. */
    record VersionSummary(String code, int year, String docNo, String issuer, LocalDate effectiveFrom,
                          @Nullable LocalDate effectiveTo, String status, boolean officialListObtained,
                          boolean shipped, int itemCount) {
    }

    record Comparison(String from, String to, List<String> added, List<String> removed, List<ItemChange> changed) {
        public Comparison {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changed = List.copyOf(changed);
        }
    }

    /** An item present in both versions, with the names of the fields that differ. */
    record ItemChange(String item, List<String> fields) {
        public ItemChange {
            fields = List.copyOf(fields);
        }
    }

    record DryRun(String code, @Nullable String against, LocalDate asOf, List<ItemShift> items) {
        public DryRun {
            items = List.copyOf(items);
        }
    }

    /** For one item: how many would gain it and how many would lose it, with a sample of each. */
    record ItemShift(String item, String name, long gain, long loss, List<Eligibility.Person> sampleGaining,
                     List<Eligibility.Person> sampleLosing) {
        public ItemShift {
            sampleGaining = List.copyOf(sampleGaining);
            sampleLosing = List.copyOf(sampleLosing);
        }
    }
}
