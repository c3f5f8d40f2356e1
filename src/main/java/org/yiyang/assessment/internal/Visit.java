package org.yiyang.assessment.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yiyang.shared.InvalidInput;

/**
 * The assessors' visit, kept as evidence: when, where (a kind of place and a short note) and who was present. The place
 * note and the names are personal data: stored encrypted; only the time is a plain column.
 */
public record Visit(@Nullable Instant at, @Nullable String place, @Nullable String placeNote,
                    @Nullable List<Present> present) {
    static final Set<String> PLACES = Set.of("HOME", "CARE_INSTITUTION", "HOSPITAL", "COMMUNITY_CENTRE", "OTHER");
    static final Set<String> ROLES = Set.of("ELDER", "SPOUSE", "CHILD", "OTHER_RELATIVE", "HIRED_CAREGIVER",
            "COMMUNITY_WORKER", "ASSESSOR", "OTHER");

    /** Someone present at the visit, by name and role. */
    public record Present(@Nullable String name, @Nullable String role) {
        @Override
        public String toString() {
            return "Present[…]";
        }
    }

    /** Checks every field against the day's end (a visit cannot lie in the future); throws listing every problem. */
    void check(Instant now) {
        var p = new InvalidInput.Collector();
        if (at == null) {
            p.add("at", "REQUIRED");
        } else if (at.isAfter(now)) {
            p.add("at", "IN_THE_FUTURE");
        }
        if (place == null || !PLACES.contains(place)) {
            p.add("place", "UNKNOWN_CODE");
        }
        if (placeNote != null && placeNote.length() > 200) {
            p.add("placeNote", "TEXT_TOO_LONG_OR_NOT_TEXT", 200);
        }
        if (present == null || present.isEmpty()) {
            p.add("present", "REQUIRED");
        } else {
            for (int i = 0; i < present.size(); i++) {
                Present who = present.get(i);
                if (who == null || who.name() == null || who.name().isBlank() || who.name().length() > 50) {
                    p.add("present[" + i + "].name", "REQUIRED");
                }
                if (who == null || who.role() == null || !ROLES.contains(who.role())) {
                    p.add("present[" + i + "].role", "UNKNOWN_CODE");
                }
            }
        }
        p.throwIfAny();
    }

    @Override
    public String toString() {
        return "Visit[" + at + "]";
    }
}
