package org.yiyang.shared;

import java.util.Map;

/** The request clashes with existing state (answered 409). {@code details} carries ids only, never personal data. */
public class Conflict extends RuntimeException {
    private final String code;
    private final Map<String, Object> details;

    public Conflict(String code, Map<String, Object> details) {
        super("conflict: " + code);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
