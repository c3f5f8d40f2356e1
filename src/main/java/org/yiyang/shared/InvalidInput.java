package org.yiyang.shared;

import java.util.ArrayList;
import java.util.List;

/** A readable request with invalid values: answered 422 with every bad field. Nothing has been written. */
public class InvalidInput extends RuntimeException {
    private final List<FieldProblem> problems;

    public InvalidInput(List<FieldProblem> problems) {
        super("invalid input: " + problems.stream().map(p -> p.field() + "=" + p.code()).toList());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInput needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public static InvalidInput of(String field, String code, Object... args) {
        return new InvalidInput(List.of(FieldProblem.of(field, code, args)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** Collects problems and throws them together. */
    public static final class Collector {
        private final List<FieldProblem> problems = new ArrayList<>();

        public Collector add(String field, String code, Object... args) {
            problems.add(FieldProblem.of(field, code, args));
            return this;
        }

        public boolean isEmpty() {
            return problems.isEmpty();
        }

        public List<FieldProblem> problems() {
            return List.copyOf(problems);
        }

        public void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
        }
    }
}
