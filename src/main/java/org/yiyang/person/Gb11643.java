package org.yiyang.person;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * GB 11643-1999 citizen identity numbers: structure, ISO 7064 MOD 11-2 check character, legacy 15-digit conversion.
 * Validation order (identity-and-regions.md §2): length → digits → check position → birth date → check character.
 * Plausibility of age is not this class's business.
 */
public final class Gb11643 {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    /** Why a number is not valid; the codes are stable API values. */
    public enum Error {
        LENGTH, CHARACTERS, BIRTH_DATE, CHECK_CHARACTER
    }

    private Gb11643() {
    }

    /** Trims, upper-cases a trailing x and converts a valid-looking 15-digit number to 18 characters. */
    public static String normalise(String raw) {
        String s = raw.strip().toUpperCase(java.util.Locale.ROOT);
        if (s.length() == 15 && s.chars().allMatch(Character::isDigit)) {
            String seventeen = s.substring(0, 6) + "19" + s.substring(6);
            return seventeen + checkCharacter(seventeen);
        }
        return s;
    }

    /** The MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** The first error of a normalised number, or empty when it is valid on {@code today}. */
    public static Optional<Error> error(@Nullable String value, LocalDate today) {
        if (value == null || value.length() != 18) {
            return Optional.of(Error.LENGTH);
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(value.charAt(i))) {
                return Optional.of(Error.CHARACTERS);
            }
        }
        char last = value.charAt(17);
        if (!isAsciiDigit(last) && last != 'X') {
            return Optional.of(Error.CHARACTERS);
        }
        LocalDate birth = birthDateOrNull(value);
        if (birth == null || birth.isAfter(today)) {
            return Optional.of(Error.BIRTH_DATE);
        }
        if (checkCharacter(value) != last) {
            return Optional.of(Error.CHECK_CHARACTER);
        }
        return Optional.empty();
    }

    static @Nullable LocalDate birthDateOrNull(String value) {
        try {
            return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
