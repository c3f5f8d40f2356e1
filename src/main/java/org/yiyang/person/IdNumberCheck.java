package org.yiyang.person;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The answer to "is this a valid ID number?": the normalised form and derived data, or the first error. */
public record IdNumberCheck(boolean valid, @Nullable String normalized, @Nullable LocalDate birthDate,
                            @Nullable Sex sex, Gb11643.@Nullable Error error) {

    /** Checks a raw value as typed (lower-case x and 15-digit numbers accepted). */
    public static IdNumberCheck of(@Nullable String raw) {
        try {
            ResidentIdNumber id = ResidentIdNumber.parse(raw);
            return new IdNumberCheck(true, id.value(), id.birthDate(), id.sex(), null);
        } catch (InvalidIdNumber e) {
            return new IdNumberCheck(false, null, null, null, e.reason());
        }
    }
}
