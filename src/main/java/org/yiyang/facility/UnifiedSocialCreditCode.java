package org.yiyang.facility;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
 * {@code 0123456789ABCDEFGHJKLMNPQRTUWXY}; position 1 the registration authority, 2 the organisation type, 3–8 the
 * administrative division, 9–17 the organisation code, 18 the check character. Once built it is valid and normalised
 * to upper case. Credit codes identify organisations, not people, so they are not personal data.
 */
public record UnifiedSocialCreditCode(String value) {
    /** The 31 characters of the code, in value order (no I, O, Z, S, V). */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Why a code is not valid; the codes are stable API values. */
    public enum Error {
        LENGTH, CHARACTERS, CHECK_CHARACTER
    }

    /** A code that is not valid; the message carries only the reason. */
    public static class Invalid extends IllegalArgumentException {
        private final Error reason;

        public Invalid(Error reason) {
            super("invalid unified social credit code: " + reason);
            this.reason = reason;
        }

        public Error reason() {
            return reason;
        }
    }

    public UnifiedSocialCreditCode {
        error(value).ifPresent(e -> {
            throw new Invalid(e);
        });
    }

    /** Trims and upper-cases, then validates. */
    public static UnifiedSocialCreditCode parse(@Nullable String raw) {
        if (raw == null) {
            throw new Invalid(Error.LENGTH);
        }
        return new UnifiedSocialCreditCode(raw.strip().toUpperCase(Locale.ROOT));
    }

    /** The first error of an already normalised code, or empty when it is valid. */
    public static Optional<Error> error(@Nullable String value) {
        if (value == null || value.length() != 18) {
            return Optional.of(Error.LENGTH);
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return Optional.of(Error.CHARACTERS);
            }
        }
        if (checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
            return Optional.of(Error.CHECK_CHARACTER);
        }
        return Optional.empty();
    }

    public static boolean isValid(@Nullable String value) {
        return error(value).isEmpty();
    }

    /** The check character of the first 17 characters: (31 − Σ value×weight mod 31) mod 31, through the alphabet. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new Invalid(Error.LENGTH);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new Invalid(Error.CHARACTERS);
            }
            sum += v * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** Completes 17 characters with their check character. */
    public static UnifiedSocialCreditCode withCheck(String first17) {
        String upper = first17.toUpperCase(Locale.ROOT);
        return new UnifiedSocialCreditCode(upper + checkCharacter(upper));
    }

    /**
     * A valid, plausible code for test and demo data: the given registration authority and type (e.g. {@code '9'},
     * {@code '1'} for an enterprise, {@code '5'}, {@code '2'} for a private non-enterprise unit), the six-digit
     * division, and a random nine-character organisation code whose own GB 11714 check character is correct.
     */
    public static UnifiedSocialCreditCode generate(char authority, char type, String division6, RandomGenerator random) {
        var org = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            // digits mostly, letters sometimes, all inside both alphabets
            org.append(random.nextInt(4) == 0 ? ALPHABET.charAt(10 + random.nextInt(21)) : (char) ('0' + random.nextInt(10)));
        }
        org.append(organisationCheck(org));
        return withCheck("" + authority + type + division6 + org);
    }

    /** GB 11714 check character of an eight-character organisation code (weights 3,7,9,10,5,8,4,2; mod 11). */
    static char organisationCheck(CharSequence first8) {
        int[] w = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = first8.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * w[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    @Override
    public String toString() {
        return value;
    }
}
