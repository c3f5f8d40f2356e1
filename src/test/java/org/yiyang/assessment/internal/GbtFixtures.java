package org.yiyang.assessment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The shipped GB/T 42195-2022 instrument and answer sets written out by hand. */
final class GbtFixtures {
    static final String FILE = "policy/instruments/GBT42195-2022.json";

    /** The maximum points of every item, typed from spec §1 (not read from the instrument under test). */
    static final Map<String, Integer> MAXIMA = new LinkedHashMap<>();

    static {
        for (int i = 1; i <= 8; i++) {
            MAXIMA.put("B.1." + i, 4);
        }
        MAXIMA.put("B.2.1", 4);
        MAXIMA.put("B.2.2", 4);
        MAXIMA.put("B.2.3", 4);
        MAXIMA.put("B.2.4", 3);
        for (int i = 1; i <= 6; i++) {
            MAXIMA.put("B.3." + i, 4);
        }
        MAXIMA.put("B.3.7", 1);
        MAXIMA.put("B.3.8", 1);
        MAXIMA.put("B.3.9", 2);
        MAXIMA.put("B.4.1", 2);
        MAXIMA.put("B.4.2", 2);
        MAXIMA.put("B.4.3", 4);
        MAXIMA.put("B.4.4", 3);
        MAXIMA.put("B.4.5", 4);
    }

    private GbtFixtures() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = GbtFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Instrument gbt() {
        return InstrumentLoader.load(FILE, bytes(FILE));
    }

    /** Every item at its maximum, then the given items set to the given points. */
    static Map<String, Integer> allMaxExcept(Object... codeThenPoints) {
        Map<String, Integer> answers = new LinkedHashMap<>(MAXIMA);
        for (int i = 0; i < codeThenPoints.length; i += 2) {
            answers.put((String) codeThenPoints[i], (Integer) codeThenPoints[i + 1]);
        }
        return answers;
    }

    /** Every item of a dimension ("B.1") at zero, on top of the given answers. */
    static Map<String, Integer> zero(Map<String, Integer> answers, String... prefixes) {
        Map<String, Integer> copy = new LinkedHashMap<>(answers);
        for (String prefix : prefixes) {
            copy.replaceAll((code, points) -> code.startsWith(prefix + ".") || code.equals(prefix) ? 0 : points);
        }
        return copy;
    }
}
