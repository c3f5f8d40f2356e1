package org.yiyang.ltc;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A period of LTC insurance (参保, 第四条) of one person: employee or resident, {@code validTo} inclusive or open. */
public record InsuredPeriod(UUID personId, InsuredType insuredType, LocalDate validFrom, @Nullable LocalDate validTo,
                            String source) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
