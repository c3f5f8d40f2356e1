package org.yiyang.eligibility.internal.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names a list version's rules may use: the facts, the version's parameters (named constants) and its definitions
 * (named sub-rules, each compiled in order so that a definition may use the earlier ones). Rules are parsed and type
 * checked by CEL, then converted to the supported subset ({@link Node}); a rule outside it is refused with a reason.
 */
public final class RuleEnvironment {
    private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();

    private final Map<String, Object> parameters;
    private final Map<String, Node.Definition> definitions = new LinkedHashMap<>();

    /**
     * @param parameters named constants: numbers as {@link BigDecimal}, strings, booleans, or lists of those
     */
    public RuleEnvironment(Map<String, Object> parameters) {
        for (String name : parameters.keySet()) {
            if (Fact.byRuleName(name).isPresent()) {
                throw new RuleFault("parameter " + name + " has the name of a fact");
            }
        }
        this.parameters = Map.copyOf(parameters);
    }

    /** Compiles a definition and makes it available, under its name, to the rules and definitions that follow. */
    public Node.Definition define(String name, Map<String, String> label, String source) {
        if (Fact.byRuleName(name).isPresent() || parameters.containsKey(name) || definitions.containsKey(name)) {
            throw new RuleFault("definition " + name + " repeats a name already in use");
        }
        var definition = new Node.Definition(name, label, compile(source));
        definitions.put(name, definition);
        return definition;
    }

    /** Parses, type checks and converts a rule; throws {@link RuleFault} naming what is wrong. */
    public Node compile(String source) {
        CelAbstractSyntaxTree ast;
        try {
            ast = compiler().compile(source).getAst();
        } catch (CelValidationException e) {
            throw new RuleFault(e.getMessage().lines().findFirst().orElse("invalid rule").replace("ERROR: <input>:", "at "));
        }
        return new CelSubset(parameters, definitions).convert(ast.getExpr());
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    private CelCompiler compiler() {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setResultType(SimpleType.BOOL);
        for (Fact fact : Fact.values()) {
            builder.addVar(fact.ruleName(), celType(fact.kind()));
        }
        parameters.forEach((name, value) -> builder.addVar(name, celTypeOf(name, value)));
        definitions.keySet().forEach(name -> builder.addVar(name, SimpleType.BOOL));
        return builder.build();
    }

    private static CelType celType(Fact.Kind kind) {
        return switch (kind) {
            case INT -> SimpleType.INT;
            // Money is typed as a CEL double so that thresholds such as 低保 × 2.5 type-check; it is evaluated exactly.
            case MONEY -> SimpleType.DOUBLE;
            case STRING -> SimpleType.STRING;
            case BOOL -> SimpleType.BOOL;
            case TAGS -> ListType.create(SimpleType.STRING);
        };
    }

    private static CelType celTypeOf(String name, Object value) {
        if (value instanceof BigDecimal number) {
            return isWhole(number) ? SimpleType.INT : SimpleType.DOUBLE;
        }
        if (value instanceof String) {
            return SimpleType.STRING;
        }
        if (value instanceof Boolean) {
            return SimpleType.BOOL;
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            CelType element = celTypeOf(name, list.get(0));
            for (Object other : list) {
                if (!celTypeOf(name, other).equals(element)) {
                    throw new RuleFault("parameter " + name + " mixes value types");
                }
            }
            return ListType.create(element);
        }
        throw new RuleFault("parameter " + name + " is not a number, text, yes/no or a non-empty list of them");
    }

    static boolean isWhole(BigDecimal number) {
        return number.stripTrailingZeros().scale() <= 0;
    }
}
