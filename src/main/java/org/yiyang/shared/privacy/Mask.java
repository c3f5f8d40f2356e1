package org.yiyang.shared.privacy;

/**
 * A display mask that keeps the first {@code head} and the last {@code tail} characters and stars the rest
 * (default for ID numbers: 3 and 4, e.g. {@code 110***********002X}). The numbers are configuration.
 */
public record Mask(int head, int tail) {
    public Mask {
        if (head < 0 || tail < 0) {
            throw new IllegalArgumentException("mask lengths must not be negative");
        }
    }

    public String apply(String value) {
        int n = value.length();
        if (head + tail >= n) {
            return "*".repeat(n);
        }
        return value.substring(0, head) + "*".repeat(n - head - tail) + value.substring(n - tail);
    }
}
