package org.yiyang.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeUnitTests {
    private static final String ALPHABET = UnifiedSocialCreditCode.ALPHABET;

    /**
     * The widely quoted example 91350100M000100Y43: Σ value×weight over the first 17 characters is 1640,
     * 1640 mod 31 = 28, (31 − 28) mod 31 = 3, so the check character is '3'.
     */
    @Test
    void acceptsAKnownExampleComputedByHand() {
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(UnifiedSocialCreditCode.parse("91350100M000100Y43").value()).isEqualTo("91350100M000100Y43");
    }

    /** 91440101708342000: Σ = 658, 658 mod 31 = 7, 31 − 7 = 24, alphabet[24] = 'Q'. */
    @Test
    void mapsCheckValuesAboveNineThroughTheAlphabet() {
        assertThat(UnifiedSocialCreditCode.checkCharacter("91440101708342000")).isEqualTo('Q');
        assertThat(UnifiedSocialCreditCode.isValid("91440101708342000Q")).isTrue();
    }

    @Test
    void detectsEverySingleCharacterSubstitution() {
        for (String valid : new String[] {"91350100M000100Y43", "91440101708342000Q"}) {
            for (int i = 0; i < 18; i++) {
                for (char c : ALPHABET.toCharArray()) {
                    if (c == valid.charAt(i)) {
                        continue;
                    }
                    String changed = valid.substring(0, i) + c + valid.substring(i + 1);
                    assertThat(UnifiedSocialCreditCode.error(changed)).as(changed)
                            .contains(UnifiedSocialCreditCode.Error.CHECK_CHARACTER);
                }
            }
        }
    }

    @Test
    void acceptsLowerCaseAndNormalisesIt() {
        var code = UnifiedSocialCreditCode.parse(" 91350100m000100y43 ");
        assertThat(code.value()).isEqualTo("91350100M000100Y43");
        assertThat(code).isEqualTo(UnifiedSocialCreditCode.parse("91350100M000100Y43"));
    }

    @Test
    void rejectsBadLengthWithAReason() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91350100M000100Y4"))
                .isInstanceOfSatisfying(UnifiedSocialCreditCode.Invalid.class,
                        e -> assertThat(e.reason()).isEqualTo(UnifiedSocialCreditCode.Error.LENGTH));
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91350100M000100Y433"))
                .isInstanceOfSatisfying(UnifiedSocialCreditCode.Invalid.class,
                        e -> assertThat(e.reason()).isEqualTo(UnifiedSocialCreditCode.Error.LENGTH));
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse(null))
                .isInstanceOf(UnifiedSocialCreditCode.Invalid.class);
    }

    @Test
    void rejectsCharactersOutsideTheAlphabet() {
        for (char bad : "IOZSV-*中 ".toCharArray()) {
            String code = "91350100M000100Y4" + bad;
            assertThat(UnifiedSocialCreditCode.error(code)).as(code).contains(UnifiedSocialCreditCode.Error.CHARACTERS);
            String inside = "9135" + bad + "100M000100Y43";
            assertThat(UnifiedSocialCreditCode.error(inside)).as(inside)
                    .contains(UnifiedSocialCreditCode.Error.CHARACTERS);
        }
    }

    @Test
    void doesNotEchoTheCodeInItsMessage() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91350100M000100Y44"))
                .hasMessageNotContaining("91350100M000100Y44")
                .hasMessageContaining("CHECK_CHARACTER");
    }

    @Test
    void generatesValidCodesDeterministically() {
        var a = new Random(7);
        var b = new Random(7);
        for (int i = 0; i < 1000; i++) {
            var code = UnifiedSocialCreditCode.generate('9', '1', "440106", a);
            assertThat(UnifiedSocialCreditCode.isValid(code.value())).isTrue();
            assertThat(code.value()).startsWith("91440106");
            assertThat(UnifiedSocialCreditCode.generate('9', '1', "440106", b)).isEqualTo(code);
        }
    }

    @Test
    void completesSeventeenCharactersWithTheirCheck() {
        assertThat(UnifiedSocialCreditCode.withCheck("91350100m000100y4").value()).isEqualTo("91350100M000100Y43");
    }
}
