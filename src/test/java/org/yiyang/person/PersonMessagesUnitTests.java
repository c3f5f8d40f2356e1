package org.yiyang.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonMessagesUnitTests {
    /** Every code the registry, the form and the import can report (the jobs page shows {@code problem.<code>}). */
    static final List<String> CODES = List.of("ID_NUMBER_LENGTH", "ID_NUMBER_CHARACTERS", "ID_NUMBER_BIRTH_DATE",
            "ID_NUMBER_CHECK_CHARACTER", "NAME_LENGTH", "PHONE_FORMAT", "REGION_CODE_FORMAT", "REGION_UNKNOWN",
            "REGION_OUTSIDE_CITY", "HUKOU_REGION", "OUTSIDE_JURISDICTION", "INCOME_NEGATIVE", "INCOME_FORMAT",
            "TAG_PERIOD", "TAG_UNKNOWN", "TAG_FORMAT", "DATE_FORMAT", "LIVING_ARRANGEMENT_UNKNOWN", "ADDRESS_LENGTH",
            "RELATION_LENGTH", "DUPLICATE_IN_FILE", "ALREADY_REGISTERED", "IMPORT_FILE_UNREADABLE",
            "IMPORT_FILE_EMPTY", "IMPORT_HEADER");

    @ParameterizedTest
    @ValueSource(strings = {"i18n/person.properties", "i18n/person_zh_CN.properties"})
    void namesEveryProblemCodeWithoutPlaceholders(String bundle) throws IOException {
        var props = new Properties();
        try (var in = new InputStreamReader(getClass().getClassLoader().getResourceAsStream(bundle),
                StandardCharsets.UTF_8)) {
            props.load(in);
        }
        for (String code : CODES) {
            assertThat(props.getProperty("problem." + code)).as(code).isNotBlank().doesNotContain("{0}");
        }
        for (Gb11643.Error e : Gb11643.Error.values()) {
            assertThat(props).containsKey("problem.ID_NUMBER_" + e.name());
        }
        for (PersonTag t : PersonTag.values()) {
            assertThat(props).containsKey("person.tag." + t.name());
        }
        for (LivingArrangement l : LivingArrangement.values()) {
            assertThat(props).containsKey("person.living." + l.name());
        }
    }
}
