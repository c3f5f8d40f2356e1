package org.yiyang.assessment;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Why an immediate reassessment (即时评估) is requested: the change in the elder's situation, as a typed cause. */
public enum ImmediateCause {
    /** Repeated falls (e.g. fall alerts from a family care bed). */
    REPEATED_FALLS,
    /** Other care-risk events (choking, wandering off, self-harm). */
    CARE_RISK_EVENTS,
    /** Back from a hospital stay with changed needs. */
    HOSPITAL_DISCHARGE,
    /** A new diagnosis or a marked change in the elder's condition. */
    CONDITION_CHANGED,
    /** Asked for by the elder or the family for another change. */
    OTHER;

    public static Optional<ImmediateCause> parse(@Nullable String raw) {
        for (ImmediateCause c : values()) {
            if (c.name().equals(raw)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
