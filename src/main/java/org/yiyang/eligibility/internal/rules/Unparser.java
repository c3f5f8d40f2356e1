package org.yiyang.eligibility.internal.rules;

import java.math.BigDecimal;
import java.util.stream.Collectors;

/** Writes a node back in CEL syntax, for traces and for showing a rule: {@code age >= 80}, {@code "DIBAO" in tags}. */
public final class Unparser {
    private Unparser() {
    }

    public static String text(Node node) {
        if (node instanceof Node.And and) {
            return group(and.left(), node) + " && " + group(and.right(), node);
        }
        if (node instanceof Node.Or or) {
            return group(or.left(), node) + " || " + group(or.right(), node);
        }
        if (node instanceof Node.Not not) {
            Node operand = not.operand();
            boolean atom = operand instanceof Node.FactRef || operand instanceof Node.Definition
                    || operand instanceof Node.Param || operand instanceof Node.Literal;
            return atom ? "!" + text(operand) : "!(" + text(operand) + ")";
        }
        if (node instanceof Node.Compare compare) {
            return text(compare.left()) + " " + compare.op().cel + " " + text(compare.right());
        }
        if (node instanceof Node.InList in) {
            return text(in.value()) + " in [" + in.options().stream().map(Unparser::constant)
                    .collect(Collectors.joining(", ")) + "]";
        }
        if (node instanceof Node.TagHeld tag) {
            return "\"" + tag.tag() + "\" in tags";
        }
        if (node instanceof Node.StartsWith startsWith) {
            return text(startsWith.value()) + ".startsWith(\"" + startsWith.prefix() + "\")";
        }
        if (node instanceof Node.Arithmetic arithmetic) {
            return text(arithmetic.left()) + " " + arithmetic.op() + " " + text(arithmetic.right());
        }
        if (node instanceof Node.FactRef ref) {
            return ref.fact().ruleName();
        }
        if (node instanceof Node.Param param) {
            return param.name();
        }
        if (node instanceof Node.Definition definition) {
            return definition.name();
        }
        return constant(((Node.Literal) node).value());
    }

    private static String group(Node child, Node parent) {
        boolean needs = (child instanceof Node.And || child instanceof Node.Or) && child.getClass() != parent.getClass();
        return needs ? "(" + text(child) + ")" : text(child);
    }

    private static String constant(Object value) {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return String.valueOf(value);
    }
}
