package org.yiyang.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidentIdNumberUnitTests {
    private static final String CHARS = "0123456789X";

    @ParameterizedTest
    @CsvSource({
            "11010519491231002X, 11010519491231002X, FEMALE, 1949-12-31",
            "440524188001010014, 440524188001010014, MALE, 1880-01-01",
            "34052419800101001X, 34052419800101001X, MALE, 1980-01-01",
            "11010519491231002x, 11010519491231002X, FEMALE, 1949-12-31",
            "110105491231002, 11010519491231002X, FEMALE, 1949-12-31"})
    void acceptsTheVectorsOfTheSpecAndDerivesSexAndBirthDate(String input, String normalised, Sex sex,
                                                             LocalDate birth) {
        ResidentIdNumber id = ResidentIdNumber.parse(input);
        assertThat(id.value()).isEqualTo(normalised);
        assertThat(id.sex()).isEqualTo(sex);
        assertThat(id.birthDate()).isEqualTo(birth);
    }

    @Test
    void convertsTheLegacyFifteenDigitNumberWithItsCheckCharacter() {
        assertThat(Gb11643.normalise("110105491231002")).isEqualTo("11010519491231002X");
        assertThat(Gb11643.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @Test
    void detectsEverySingleCharacterSubstitution() {
        for (String valid : new String[]{"11010519491231002X", "440524188001010014", "34052419800101001X"}) {
            for (int position = 0; position < 18; position++) {
                for (char replacement : CHARS.toCharArray()) {
                    if (valid.charAt(position) == replacement) {
                        continue;
                    }
                    String changed = valid.substring(0, position) + replacement + valid.substring(position + 1);
                    assertThat(Gb11643.error(changed, today()))
                            .as("substitution at position %d", position + 1).isPresent();
                }
            }
        }
    }

    @Test
    void namesTheReasonOfEachKindOfBadNumber() {
        assertThat(Gb11643.error("1101051949123100", today())).contains(Gb11643.Error.LENGTH);
        assertThat(Gb11643.error("11010519491231002X1", today())).contains(Gb11643.Error.LENGTH);
        assertThat(Gb11643.error(null, today())).contains(Gb11643.Error.LENGTH);
        assertThat(Gb11643.error("1101051949A231002X", today())).contains(Gb11643.Error.CHARACTERS);
        assertThat(Gb11643.error("11010519491231002Y", today())).contains(Gb11643.Error.CHARACTERS);
        assertThat(Gb11643.error(withCheck("11010519490230002"), today())).contains(Gb11643.Error.BIRTH_DATE);
        assertThat(Gb11643.error(withCheck("11010519491331002"), today())).contains(Gb11643.Error.BIRTH_DATE);
        LocalDate tomorrow = today().plusDays(1);
        String future = "110105" + tomorrow.toString().replace("-", "") + "002";
        assertThat(Gb11643.error(withCheck(future), today())).contains(Gb11643.Error.BIRTH_DATE);
        assertThat(Gb11643.error("110105194912310021", today())).contains(Gb11643.Error.CHECK_CHARACTER);
        assertThat(Gb11643.error("11010519491231002X", today())).isEqualTo(Optional.empty());
    }

    @Test
    void refusesToBuildAnInvalidNumberWithoutEchoingIt() {
        assertThatThrownBy(() -> ResidentIdNumber.parse("110105194912310021"))
                .isInstanceOf(InvalidIdNumber.class)
                .satisfies(e -> assertThat(((InvalidIdNumber) e).reason()).isEqualTo(Gb11643.Error.CHECK_CHARACTER))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("110105194912310021"));
        assertThatThrownBy(() -> ResidentIdNumber.parse("abc")).isInstanceOf(InvalidIdNumber.class);
        assertThatThrownBy(() -> ResidentIdNumber.parse(null)).isInstanceOf(InvalidIdNumber.class);
    }

    @Test
    void neverShowsTheFullNumberInToString() {
        ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X");
        assertThat(id.toString()).doesNotContain("11010519491231002X").doesNotContain("19491231")
                .isEqualTo("110***********002X");
        assertThat(id.toString()).hasSize(18);
    }

    private static String withCheck(String first17) {
        return first17 + Gb11643.checkCharacter(first17);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }
}
