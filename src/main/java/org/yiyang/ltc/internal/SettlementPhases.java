package org.yiyang.ltc.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall-clock time spent in each phase of one settlement run (reading the lines, building the months, the engine,
 * writing the settlement lines, closing the run), for the log and the benchmark. No personal data.
 */
final class SettlementPhases {
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private String current;
    private long since;

    /** Starts timing {@code phase}, ending the phase being timed. */
    void enter(String phase) {
        long now = System.nanoTime();
        stop(now);
        current = phase;
        since = now;
    }

    /** Ends the phase being timed. */
    void stop() {
        stop(System.nanoTime());
    }

    private void stop(long now) {
        if (current != null) {
            nanos.merge(current, now - since, Long::sum);
            current = null;
        }
    }

    /** Milliseconds per phase, in the order the phases first ran. */
    Map<String, Long> millis() {
        var out = new LinkedHashMap<String, Long>();
        nanos.forEach((k, v) -> out.put(k, v / 1_000_000));
        return out;
    }

    @Override
    public String toString() {
        return millis().toString();
    }
}
