package org.yiyang.ltc;

import java.util.List;

/**
 * A note on a settlement line or a warning on the month: a stable code and its arguments. The words live in the
 * bundles as {@code ltc.note.<code>} and {@code ltc.warning.<code>}.
 */
public record Finding(String code, List<Object> args) {
    public Finding {
        args = List.copyOf(args);
    }

    public static Finding of(String code, Object... args) {
        return new Finding(code, List.of(args));
    }
}
