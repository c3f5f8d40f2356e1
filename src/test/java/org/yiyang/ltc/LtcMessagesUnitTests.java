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
            "title.LTC_AGREEMENT_EXISTS", "title.LTC_AGREEMENT_ENDED", "LTC_UNKNOWN_VALUE", "LTC_PERSON_UNKNOWN", "LTC_INSURED_OVERLAP",
            "LTC_LEVEL_NOT_FOR_CONTINUING_CARE", "LTC_DISABILITY_UNDER_MIN_MONTHS", "LTC_CONTINUING_PERIOD_RANGE",
            "LTC_CONTINUING_TIMES_PER_YEAR", "LTC_POSITION_INCOMPLETE", "LTC_POSITION_RANGE",
            "LTC_POSITION_HOME_ONLY", "LTC_PROVIDER_UNKNOWN", "PROVIDER_NOT_DESIGNATED", "AFTER_DEATH",
            "LTC_OUTSIDE_VALIDITY", "LTC_ITEM_NOT_FOR_LEVEL", "LTC_ITEM_REPEATED", "ITEM_NOT_IN_CATALOGUE",
            "LTC_FREQUENCY", "LTC_NOT_INSURED", "LTC_PLAN_BELOW_VISIT_MINIMUM", "LTC_PLAN_BELOW_VISIT_HOURS",
            "LTC_BATCH_TOO_LARGE", "LTC_RECORD_REPEATED_IN_BATCH", "LTC_TIME_FORMAT", "LTC_QUANTITY",
            "LTC_NO_CATALOGUE_FOR_MONTH", "LTC_VERSION_CODE_FORMAT", "LTC_CATALOGUE_VERSION_EXISTS",
            "LTC_CATALOGUE_SAME_START", "LTC_ITEM_CODE_REPEATED", "LTC_PRICE_FORMAT", "LTC_LEVELS", "LTC_TEXT_TOO_LONG",
            "LTC_NO_CARE_NEEDS_RESULT", "LTC_CARE_NEEDS_NOT_MAPPED",
            "title.LTC_BENEFICIARY_EXISTS", "title.LTC_BENEFICIARY_ENDED",
            "title.LTC_PLAN_OVERLAP", "title.LTC_CATALOGUE_NOT_FOR_PAYMENT", "title.LTC_SETTLEMENT_APPROVED",
            "title.LTC_SETTLEMENT_LOCKED", "title.LTC_SETTLEMENT_STALE", "title.LTC_SETTLEMENT_NOT_PREVIEW", "title.LTC_SETTLEMENT_NOT_APPROVED");

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
        String records = java.nio.file.Files.readString(
                java.nio.file.Path.of("src/main/java/org/yiyang/ltc/internal/ServiceRecords.java"));
        Matcher reasons = Pattern.compile("(?:reasons|itemReasons)\\.add\\(\"([A-Z_]+)\"|List\\.of\\(\"([A-Z_]+)\"\\)")
                .matcher(records);
        int found = 0;
        while (reasons.find()) {
            String code = reasons.group(1) != null ? reasons.group(1) : reasons.group(2);
            assertThat(props.getProperty("ltc.reason." + code)).as("reason " + code).isNotBlank();
            found++;
        }
        assertThat(found).as("reason codes in ServiceRecords").isGreaterThanOrEqualTo(14);
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
