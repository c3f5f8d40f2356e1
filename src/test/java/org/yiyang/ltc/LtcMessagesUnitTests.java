package org.yiyang.ltc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LtcMessagesUnitTests {
    static final List<String> PROBLEMS = List.of("LTC_LEVEL_RANGE", "LTC_MONTH_FORMAT", "LTC_NO_POLICY_FOR_MONTH",
            "LTC_TOO_MANY_DAYS", "LTC_NEGATIVE_AMOUNT", "LTC_AMOUNT_TOO_LARGE", "LTC_BED_FEE_INSTITUTION_ONLY",
            "LTC_BED_FEE_DAYS", "LTC_CONSUMABLES_ABOVE_MEDICAL", "LTC_NEGATIVE_COUNT", "LTC_YUAN_FORMAT", "LTC_TEXT_LENGTH", "LTC_PERIOD_ORDER",
            "title.LTC_AGREEMENT_EXISTS");

    @ParameterizedTest
    @ValueSource(strings = {"i18n/ltc.properties", "i18n/ltc_zh_CN.properties"})
    void namesEveryProblemNoteAndWarning(String bundle) throws IOException {
        var props = load(bundle);
        for (String code : PROBLEMS) {
            assertThat(props.getProperty("problem." + code)).as(code).isNotBlank();
        }
        for (String code : codesIn("src/main/java/org/yiyang/ltc/LtcSettlementEngine.java")) {
            assertThat(props.getProperty("ltc.note." + code, props.getProperty("ltc.warning." + code)))
                    .as(code).isNotBlank();
        }
        for (CostCategory c : CostCategory.values()) {
            assertThat(props).containsKey("ltc.category." + c.name());
        }
        assertThat(props).containsKey("ltc.warning.POLICY_COVERS_PART_OF_MONTH");
    }

    static Properties load(String bundle) throws IOException {
        var props = new Properties();
        try (var in = new InputStreamReader(LtcMessagesUnitTests.class.getClassLoader().getResourceAsStream(bundle),
                StandardCharsets.UTF_8)) {
            props.load(in);
        }
        return props;
    }

    /** Every {@code Finding.of("CODE"} in the engine's source. */
    static List<String> codesIn(String file) throws IOException {
        String source = java.nio.file.Files.readString(java.nio.file.Path.of(file));
        Matcher m = Pattern.compile("Finding\\.of\\(\"([A-Z_]+)\"").matcher(source);
        List<String> codes = new java.util.ArrayList<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        assertThat(codes).hasSizeGreaterThan(10);
        return codes;
    }
}
