package org.yiyang.eligibility.internal.rules;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts a type-checked CEL expression to the supported subset: boolean operators, comparisons, {@code in} over a
 * constant list, tag membership ({@code "DIBAO" in tags}), {@code startsWith} with a constant prefix, and
 * {@code + - *} over numbers. Every other construct (macros, field selection, maps, division, conditionals, other
 * functions) is refused, because each node here must have one meaning in memory and one in SQL.
 */
final class CelSubset {
    private final Map<String, Object> parameters;
    private final Map<String, Node.Definition> definitions;

    CelSubset(Map<String, Object> parameters, Map<String, Node.Definition> definitions) {
        this.parameters = parameters;
        this.definitions = definitions;
    }

    Node convert(CelExpr expr) {
        return switch (expr.exprKind().getKind()) {
            case CONSTANT -> new Node.Literal(constant(expr.constant()));
            case IDENT -> ident(expr.ident().name());
            case CALL -> call(expr.call());
            default -> throw outside(expr.exprKind().getKind().name().toLowerCase());
        };
    }

    private Node ident(String name) {
        Optional<Fact> fact = Fact.byRuleName(name);
        if (fact.isPresent()) {
            if (fact.get() == Fact.TAGS) {
                throw new RuleFault("tags can only be used as \"TAG\" in tags");
            }
            return new Node.FactRef(fact.get());
        }
        if (definitions.containsKey(name)) {
            return definitions.get(name);
        }
        if (parameters.containsKey(name)) {
            return new Node.Param(name, parameters.get(name));
        }
        throw new RuleFault("unknown name " + name);
    }

    private Node call(CelExpr.CelCall call) {
        String function = call.function();
        List<CelExpr> args = call.args();
        return switch (function) {
            case "_&&_" -> fold(args, true);
            case "_||_" -> fold(args, false);
            case "!_" -> new Node.Not(convert(args.get(0)));
            case "_==_" -> compare(Node.Op.EQ, args);
            case "_!=_" -> compare(Node.Op.NE, args);
            case "_<_" -> compare(Node.Op.LT, args);
            case "_<=_" -> compare(Node.Op.LE, args);
            case "_>_" -> compare(Node.Op.GT, args);
            case "_>=_" -> compare(Node.Op.GE, args);
            case "_+_" -> new Node.Arithmetic('+', value(args.get(0)), value(args.get(1)));
            case "_-_" -> new Node.Arithmetic('-', value(args.get(0)), value(args.get(1)));
            case "_*_" -> new Node.Arithmetic('*', value(args.get(0)), value(args.get(1)));
            case "@in" -> in(args.get(0), args.get(1));
            case "startsWith" -> startsWith(call);
            default -> throw outside("function " + function.replace("_", " ").trim());
        };
    }

    private Node fold(List<CelExpr> args, boolean and) {
        Node result = convert(args.get(0));
        for (int i = 1; i < args.size(); i++) {
            Node next = convert(args.get(i));
            result = and ? new Node.And(result, next) : new Node.Or(result, next);
        }
        return result;
    }

    private Node compare(Node.Op op, List<CelExpr> args) {
        return new Node.Compare(op, value(args.get(0)), value(args.get(1)));
    }

    /** A value operand: a fact, a scalar parameter, a constant or arithmetic over them. */
    private Node value(CelExpr expr) {
        Node node = convert(expr);
        boolean scalar = node instanceof Node.FactRef || node instanceof Node.Literal || node instanceof Node.Arithmetic
                || node instanceof Node.Param p && !(p.value() instanceof List<?>);
        if (!scalar) {
            throw outside("a comparison between conditions");
        }
        return node;
    }

    private Node in(CelExpr element, CelExpr container) {
        if (container.exprKind().getKind() == CelExpr.ExprKind.Kind.IDENT && container.ident().name().equals("tags")) {
            if (element.exprKind().getKind() != CelExpr.ExprKind.Kind.CONSTANT
                    || !(constant(element.constant()) instanceof String tag)) {
                throw new RuleFault("tag membership needs a tag written out, as \"DIBAO\" in tags");
            }
            return new Node.TagHeld(tag);
        }
        List<Object> options = new ArrayList<>();
        switch (container.exprKind().getKind()) {
            case LIST -> {
                for (CelExpr option : container.list().elements()) {
                    if (option.exprKind().getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
                        throw outside("a list whose elements are not constants");
                    }
                    options.add(constant(option.constant()));
                }
            }
            case IDENT -> {
                Object value = parameters.get(container.ident().name());
                if (!(value instanceof List<?> list)) {
                    throw outside("in over " + container.ident().name());
                }
                options.addAll(list);
            }
            default -> throw outside("in over an expression");
        }
        if (options.isEmpty()) {
            throw new RuleFault("in over an empty list");
        }
        return new Node.InList(value(element), options);
    }

    private Node startsWith(CelExpr.CelCall call) {
        Node prefix = call.args().isEmpty() ? null : convert(call.args().get(0));
        Object text = prefix instanceof Node.Literal l ? l.value() : prefix instanceof Node.Param p ? p.value() : null;
        if (call.target().isEmpty() || !(text instanceof String)) {
            throw outside("startsWith without a written-out prefix or a text parameter");
        }
        return new Node.StartsWith(value(call.target().get()), (String) text);
    }

    private static Object constant(CelConstant constant) {
        return switch (constant.getKind()) {
            case INT64_VALUE -> BigDecimal.valueOf(constant.int64Value());
            case DOUBLE_VALUE -> new BigDecimal(Double.toString(constant.doubleValue()));
            case STRING_VALUE -> constant.stringValue();
            case BOOLEAN_VALUE -> constant.booleanValue();
            default -> throw outside("a " + constant.getKind().name().toLowerCase().replace("_value", "") + " constant");
        };
    }

    private static RuleFault outside(String what) {
        return new RuleFault("outside the supported rule subset: " + what);
    }
}
