package org.yiyang.eligibility.internal.rules;

import org.jspecify.annotations.Nullable;

/** A person's facts on the evaluation date, as the rules see them. */
public interface FactValues {

    /**
     * The value of a fact: a {@link java.math.BigDecimal} for numbers (money in fen), a String or a Boolean;
     * {@code null} when it is unknown. Never called for {@link Fact#TAGS}.
     */
    @Nullable Object value(Fact fact);

    /** Whether the person holds the tag on the evaluation date. */
    boolean holds(String tag);
}
