package org.yiyang.zz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class of the JVM and scans everything the suite logged (target/test-logs/tests.log)
 * for personal data and secrets: 18-character ID numbers, mainland mobile numbers and bearer tokens. The integration
 * suites register, search and import residents with such values, so a leak anywhere shows up here.
 */
@Order(Integer.MAX_VALUE)
class PersonalDataInLogsTests {
    static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{5}(18|19|20)\\d{2}[01]\\d[0-3]\\d\\d{3}[0-9Xx](?![0-9A-Za-z])");
    static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");
    static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9_\\-.]{20,}");

    @Test
    void findsNoIdNumberPhoneOrTokenInTheSuitesLog() throws Exception {
        Path log = Path.of("target", "test-logs", "tests.log");
        assumeTrue(Files.exists(log), "nothing was logged in this JVM (run with the integration suites)");
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).as("the suite logged something to scan").isNotEmpty();
        List<String> hits = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            for (Pattern p : List.of(ID_NUMBER, MOBILE, BEARER)) {
                var m = p.matcher(line);
                if (m.find()) {
                    hits.add("line " + (i + 1) + " matches " + p.pattern().substring(0, 12) + "…");
                }
            }
        }
        assertThat(hits).as("personal data or secrets in the test log").isEmpty();
    }

    @Test
    void recognisesWhatItLooksFor() {
        assertThat(ID_NUMBER.matcher("registered 11010519491231002X today").find()).isTrue();
        assertThat(ID_NUMBER.matcher("id 44052418800101001x").find()).isTrue();
        assertThat(MOBILE.matcher("phone 13800138000.").find()).isTrue();
        assertThat(BEARER.matcher("Authorization: Bearer AbCdEfGhIjKlMnOpQrStUvWxYz012345").find()).isTrue();
        assertThat(ID_NUMBER.matcher("job 3f2b6c1e-0000-4000-8000-123456789012").find()).isFalse();
        assertThat(MOBILE.matcher("took 1764349200000 ms").find()).isFalse();
    }
}
