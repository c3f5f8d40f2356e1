package org.yiyang.shared;

/**
 * The record does not exist, or lies outside the caller's jurisdiction (the two are indistinguishable on purpose).
 * The message names only the kind of record, never personal data.
 */
public class NotFound extends RuntimeException {
    private final String kind;

    public NotFound(String kind) {
        super(kind + " not found");
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
