package org.yiyang.eligibility.internal.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Compiles a rule to a SQL condition over the facts relation {@code f} (see {@code FactsQuery}: one row per person
 * with the facts as columns and the tags held as a {@code text[]}), with every constant
 * as a bind parameter. SQL's NULL logic is the same three-valued logic as {@link RuleEvaluator}: a rule is satisfied
 * where the condition {@code IS TRUE} and undecided where it {@code IS NULL}.
 */
public final class SqlCompiler {
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final String prefix;
    private final @Nullable BigDecimal dibaoStandardFen;
    private final String ageColumn;

    /**
     * @param prefix           prefix of the bind parameter names it creates (unique per rule in one statement)
     * @param ageColumn        the column of {@code f} holding age on the item's reference date
     * @param dibaoStandardFen the 低保 standard in force on the evaluation date, null when none is loaded
     */
    public SqlCompiler(String prefix, String ageColumn, @Nullable BigDecimal dibaoStandardFen) {
        this.prefix = prefix;
        this.ageColumn = ageColumn;
        this.dibaoStandardFen = dibaoStandardFen;
    }

    /** The SQL condition; its bind parameters are in {@link #parameters()} (plus {@code asOf}, bound by the caller). */
    public String condition(Node node) {
        if (node instanceof Node.And and) {
            return "(" + condition(and.left()) + " and " + condition(and.right()) + ")";
        }
        if (node instanceof Node.Or or) {
            return "(" + condition(or.left()) + " or " + condition(or.right()) + ")";
        }
        if (node instanceof Node.Not not) {
            return "(not " + condition(not.operand()) + ")";
        }
        if (node instanceof Node.Definition definition) {
            return condition(definition.body());
        }
        if (node instanceof Node.Compare compare) {
            return "(" + value(compare.left()) + " " + compare.op().sql + " " + value(compare.right()) + ")";
        }
        if (node instanceof Node.InList in) {
            return "(" + value(in.value()) + " in (" + in.options().stream().map(this::bind)
                    .collect(Collectors.joining(", ")) + "))";
        }
        if (node instanceof Node.TagHeld tag) {
            return "(" + bind(tag.tag()) + " = any(f.tags))";
        }
        if (node instanceof Node.StartsWith startsWith) {
            return "starts_with(" + value(startsWith.value()) + ", " + bind(startsWith.prefix()) + ")";
        }
        return value(node);
    }

    private String value(Node node) {
        if (node instanceof Node.FactRef ref) {
            return switch (ref.fact()) {
                case AGE -> "f." + ageColumn;
                case DIBAO_STANDARD_FEN -> bindTyped(dibaoStandardFen, "numeric");
                case TAGS -> throw new IllegalStateException("tags are only read through TagHeld");
                default -> "f." + ref.fact().column();
            };
        }
        if (node instanceof Node.Param param) {
            return bind(param.value());
        }
        if (node instanceof Node.Literal literal) {
            return bind(literal.value());
        }
        if (node instanceof Node.Arithmetic arithmetic) {
            return "(" + value(arithmetic.left()) + " " + arithmetic.op() + " " + value(arithmetic.right()) + ")";
        }
        return condition(node);
    }

    private String bind(Object value) {
        if (value instanceof BigDecimal number) {
            // whole numbers bind as bigint so that integer columns (age, level) compare without a numeric cast
            return RuleEnvironment.isWhole(number) ? bindTyped(number.longValueExact(), "bigint")
                    : bindTyped(number, "numeric");
        }
        if (value instanceof Boolean) {
            return bindTyped(value, "boolean");
        }
        return bindTyped(value, "text");
    }

    private String bindTyped(@Nullable Object value, String type) {
        String name = prefix + parameters.size();
        parameters.put(name, value);
        return "cast(:" + name + " as " + type + ")";
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
