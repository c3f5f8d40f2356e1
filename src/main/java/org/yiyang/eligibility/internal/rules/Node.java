package org.yiyang.eligibility.internal.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A rule in the supported subset of CEL, after type checking: the only shapes the evaluator and the SQL compiler know.
 * Anything CEL accepts but this tree cannot express is refused when the rule is loaded.
 */
public sealed interface Node {

    /** {@code a && b}. */
    record And(Node left, Node right) implements Node { }

    /** {@code a || b}. */
    record Or(Node left, Node right) implements Node { }

    /** {@code !a}. */
    record Not(Node operand) implements Node { }

    /** A comparison; a clause of the trace. */
    record Compare(Op op, Node left, Node right) implements Node { }

    /** {@code value in [constants…]}; a clause of the trace. */
    record InList(Node value, List<Object> options) implements Node {
        public InList {
            options = List.copyOf(options);
        }
    }

    /** {@code "DIBAO" in tags}: the tag is held on the evaluation date; a clause of the trace. */
    record TagHeld(String tag) implements Node { }

    /** {@code hukouRegion.startsWith("4401")}; a clause of the trace. */
    record StartsWith(Node value, String prefix) implements Node { }

    /** {@code a + b}, {@code a - b}, {@code a * b} over numbers. */
    record Arithmetic(char op, Node left, Node right) implements Node { }

    /** A fact of the person (or of the day, for the 低保 standard). A boolean fact alone is a clause of the trace. */
    record FactRef(Fact fact) implements Node { }

    /** A named constant of the list version (e.g. {@code econDifficultMultiplier = 2.5}). */
    record Param(String name, Object value) implements Node { }

    /** A named sub-rule of the list version (e.g. {@code econDifficult}, 经济困难), traced under its label. */
    record Definition(String name, Map<String, String> label, Node body) implements Node {
        public Definition {
            label = Map.copyOf(label);
        }
    }

    /** A constant: a {@link BigDecimal} for numbers, a String or a Boolean. */
    record Literal(Object value) implements Node { }

    /** The comparison operators of the subset. */
    enum Op {
        EQ("==", "="), NE("!=", "<>"), LT("<", "<"), LE("<=", "<="), GT(">", ">"), GE(">=", ">=");

        final String cel;
        final String sql;

        Op(String cel, String sql) {
            this.cel = cel;
            this.sql = sql;
        }

        boolean test(int comparison) {
            return switch (this) {
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
            };
        }
    }
}
