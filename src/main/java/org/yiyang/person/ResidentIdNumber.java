package org.yiyang.person;

import java.time.LocalDate;
import java.time.ZoneId;
import org.yiyang.shared.privacy.Mask;

/**
 * A valid, normalised 18-character resident ID number (公民身份号码). Once built it is valid; {@link #toString()} shows
 * only the masked form, so a log line or an exception can never leak the number.
 */
public record ResidentIdNumber(String value) {
    private static final Mask DEFAULT_MASK = new Mask(3, 4);

    public ResidentIdNumber {
        Gb11643.error(value, LocalDate.now(ZoneId.of("Asia/Shanghai"))).ifPresent(e -> {
            throw new InvalidIdNumber(e);
        });
    }

    /** Accepts a lower-case x and legacy 15-digit numbers; throws {@link InvalidIdNumber} with a reason code. */
    public static ResidentIdNumber parse(String raw) {
        if (raw == null) {
            throw new InvalidIdNumber(Gb11643.Error.LENGTH);
        }
        return new ResidentIdNumber(Gb11643.normalise(raw));
    }

    public LocalDate birthDate() {
        return Gb11643.birthDateOrNull(value);
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** Positions 1–6: the county of first registration, never the current hukou. */
    public String addressCode() {
        return value.substring(0, 6);
    }

    public String masked(Mask mask) {
        return mask.apply(value);
    }

    @Override
    public String toString() {
        return masked(DEFAULT_MASK);
    }
}
