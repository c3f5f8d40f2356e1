package org.yiyang.assessment;

import java.util.LinkedHashMap;
import java.util.Map;

/** Answer sets for API tests, written out by hand (maxima from spec §1). */
final class AssessmentTestData {
    private AssessmentTestData() {
    }

    /** Every item at its maximum: 32 + 15 + 28 + 15 = 90. */
    static Map<String, Integer> allMax() {
        Map<String, Integer> a = new LinkedHashMap<>();
        for (int i = 1; i <= 8; i++) {
            a.put("B.1." + i, 4);
        }
        a.put("B.2.1", 4);
        a.put("B.2.2", 4);
        a.put("B.2.3", 4);
        a.put("B.2.4", 3);
        for (int i = 1; i <= 6; i++) {
            a.put("B.3." + i, 4);
        }
        a.put("B.3.7", 1);
        a.put("B.3.8", 1);
        a.put("B.3.9", 2);
        a.put("B.4.1", 2);
        a.put("B.4.2", 2);
        a.put("B.4.3", 4);
        a.put("B.4.4", 3);
        a.put("B.4.5", 4);
        return a;
    }

    /** 90 − 6×4 (B.1.1–B.1.6 at 0) − 1 (B.3.8 at 0) = 65: level 2. */
    static Map<String, Integer> sixtyFive() {
        Map<String, Integer> a = allMax();
        for (int i = 1; i <= 6; i++) {
            a.put("B.1." + i, 0);
        }
        a.put("B.3.8", 0);
        return a;
    }
}
