package org.yiyang.person;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A tag held from {@code validFrom} to {@code validTo} (inclusive; open when null). */
public record TagPeriod(PersonTag tag, LocalDate validFrom, @Nullable LocalDate validTo) {

    public boolean heldOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
