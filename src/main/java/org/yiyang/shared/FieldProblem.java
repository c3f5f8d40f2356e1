package org.yiyang.shared;

import java.util.List;

/**
 * One bad field of a request: a stable machine code (e.g. {@code CHECK_CHARACTER}) and message arguments. The
 * message itself is resolved from the bundles in the caller's language as {@code problem.<code>}; it never echoes
 * the submitted personal data.
 */
public record FieldProblem(String field, String code, List<Object> args) {

    public FieldProblem {
        args = List.copyOf(args);
    }

    public static FieldProblem of(String field, String code, Object... args) {
        return new FieldProblem(field, code, List.of(args));
    }
}
