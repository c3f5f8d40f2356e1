package org.yiyang.eligibility.internal.rules;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates a rule for one person with three-valued logic (Kleene, as SQL does): a clause over an unknown fact is
 * unknown; {@code false && unknown} is false and {@code true || unknown} is true. Every clause is evaluated (no
 * short cut) so that the trace shows all of them with their actual values.
 */
public final class RuleEvaluator {
    private static final String UNKNOWN = "?";

    private final FactValues facts;
    private final String language;
    private final List<Clause> trace = new ArrayList<>();
    private final Set<Fact> missing = EnumSet.noneOf(Fact.class);

    private RuleEvaluator(FactValues facts, String language) {
        this.facts = facts;
        this.language = language;
    }

    /** The outcome of one rule: its result, every clause, and the unknown facts that left a clause undecided. */
    public record Outcome(@Nullable Boolean result, List<Clause> trace, Set<Fact> missingFacts) {
        public Outcome {
            trace = List.copyOf(trace);
            missingFacts = Set.copyOf(missingFacts);
        }
    }

    /** @param language "zh-CN" or "en": the language of definition labels in the trace */
    public static Outcome evaluate(Node rule, FactValues facts, String language) {
        var evaluator = new RuleEvaluator(facts, language);
        Boolean result = evaluator.test(rule, "");
        return new Outcome(result, evaluator.trace, evaluator.missing);
    }

    private @Nullable Boolean test(Node node, String prefix) {
        if (node instanceof Node.And and) {
            Boolean l = test(and.left(), prefix);
            Boolean r = test(and.right(), prefix);
            return Boolean.FALSE.equals(l) || Boolean.FALSE.equals(r) ? Boolean.FALSE : l == null || r == null ? null : true;
        }
        if (node instanceof Node.Or or) {
            Boolean l = test(or.left(), prefix);
            Boolean r = test(or.right(), prefix);
            return Boolean.TRUE.equals(l) || Boolean.TRUE.equals(r) ? Boolean.TRUE : l == null || r == null ? null : false;
        }
        if (node instanceof Node.Not not) {
            Boolean v = test(not.operand(), prefix);
            return v == null ? null : !v;
        }
        if (node instanceof Node.Definition definition) {
            String label = definition.label().getOrDefault(language, definition.name());
            return test(definition.body(), prefix + label + ": ");
        }
        if (node instanceof Node.Param param) {
            return (Boolean) param.value();
        }
        if (node instanceof Node.Literal literal) {
            return (Boolean) literal.value();
        }
        Boolean result = clause(node);
        trace.add(new Clause(prefix + Unparser.text(node), actual(node), result));
        return result;
    }

    private @Nullable Boolean clause(Node node) {
        if (node instanceof Node.Compare compare) {
            Object l = value(compare.left());
            Object r = value(compare.right());
            if (l == null || r == null) {
                return null;
            }
            return compare.op().test(compareValues(l, r));
        }
        if (node instanceof Node.InList in) {
            Object v = value(in.value());
            if (v == null) {
                return null;
            }
            return in.options().stream().anyMatch(option -> compareValues(v, option) == 0);
        }
        if (node instanceof Node.TagHeld tag) {
            return facts.holds(tag.tag());
        }
        if (node instanceof Node.StartsWith startsWith) {
            Object v = value(startsWith.value());
            return v == null ? null : ((String) v).startsWith(startsWith.prefix());
        }
        if (node instanceof Node.FactRef ref) {
            return (Boolean) value(ref);
        }
        throw new IllegalStateException("not a clause: " + node.getClass().getSimpleName());
    }

    private @Nullable Object value(Node node) {
        if (node instanceof Node.FactRef ref) {
            Object v = facts.value(ref.fact());
            if (v == null) {
                missing.add(ref.fact());
            }
            return v;
        }
        if (node instanceof Node.Param param) {
            return param.value();
        }
        if (node instanceof Node.Literal literal) {
            return literal.value();
        }
        if (node instanceof Node.Arithmetic arithmetic) {
            Object l = value(arithmetic.left());
            Object r = value(arithmetic.right());
            if (l == null || r == null) {
                return null;
            }
            BigDecimal a = (BigDecimal) l;
            BigDecimal b = (BigDecimal) r;
            return switch (arithmetic.op()) {
                case '+' -> a.add(b);
                case '-' -> a.subtract(b);
                default -> a.multiply(b);
            };
        }
        throw new IllegalStateException("not a value: " + node.getClass().getSimpleName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object l, Object r) {
        if (l instanceof BigDecimal a && r instanceof BigDecimal b) {
            return a.compareTo(b);
        }
        return ((Comparable) l).compareTo(r);
    }

    /** The actual values of a clause, e.g. {@code 83 >= 80} or {@code 2,900.00 < 3,272.50} (money in yuan). */
    private String actual(Node node) {
        if (node instanceof Node.Compare compare) {
            boolean money = isMoney(compare.left()) || isMoney(compare.right());
            return render(value(compare.left()), money) + " " + compare.op().cel + " " + render(value(compare.right()), money);
        }
        if (node instanceof Node.InList in) {
            return render(value(in.value()), isMoney(in.value()));
        }
        if (node instanceof Node.TagHeld tag) {
            return facts.holds(tag.tag()) ? tag.tag() : "!" + tag.tag();
        }
        if (node instanceof Node.StartsWith startsWith) {
            return render(value(startsWith.value()), false);
        }
        return render(value(node), false);
    }

    static boolean isMoney(Node node) {
        if (node instanceof Node.FactRef ref) {
            return ref.fact().kind() == Fact.Kind.MONEY;
        }
        if (node instanceof Node.Arithmetic arithmetic) {
            return isMoney(arithmetic.left()) || isMoney(arithmetic.right());
        }
        return false;
    }

    private static String render(@Nullable Object value, boolean money) {
        if (value == null) {
            return UNKNOWN;
        }
        if (value instanceof BigDecimal number) {
            if (money) {
                return new DecimalFormat("#,##0.00##", DecimalFormatSymbols.getInstance(Locale.ROOT))
                        .format(number.movePointLeft(2));
            }
            return number.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
