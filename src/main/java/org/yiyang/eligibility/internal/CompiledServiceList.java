package org.yiyang.eligibility.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.yiyang.eligibility.ServiceItem;
import org.yiyang.eligibility.ServiceListVersion;
import org.yiyang.eligibility.internal.rules.Node;
import org.yiyang.eligibility.internal.rules.RuleEnvironment;
import org.yiyang.eligibility.internal.rules.RuleEvaluator;
import org.yiyang.eligibility.internal.rules.RuleFault;
import org.yiyang.eligibility.internal.rules.SqlCompiler;
import org.yiyang.person.PersonTag;

/**
 * A service-list version with every rule compiled once: evaluated for one person with a trace, or turned into the SQL
 * condition that selects the same people from the whole population.
 */
final class CompiledServiceList {
    private static final Set<String> KNOWN_TAGS = Arrays.stream(PersonTag.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private final ServiceListVersion version;
    private final Map<String, Node> rules;

    private CompiledServiceList(ServiceListVersion version, Map<String, Node> rules) {
        this.version = version;
        this.rules = rules;
    }

    /** Compiles every definition and rule; throws {@link InvalidServiceList} naming each rule that cannot be used. */
    static CompiledServiceList compile(ServiceListVersion version, String source) {
        List<String> faults = new ArrayList<>();
        RuleEnvironment environment;
        try {
            environment = new RuleEnvironment(version.parameters());
        } catch (RuleFault e) {
            throw new InvalidServiceList(source, List.of("parameters: " + e.getMessage()));
        }
        for (ServiceListVersion.Definition d : version.definitions()) {
            try {
                checkTags(environment.define(d.name(), d.label(), d.rule()), "definitions." + d.name(), faults);
            } catch (RuleFault e) {
                faults.add("definitions." + d.name() + ": " + e.getMessage());
            }
        }
        Map<String, Node> rules = new LinkedHashMap<>();
        for (ServiceItem item : version.items()) {
            try {
                Node rule = environment.compile(item.rule());
                checkTags(rule, "items." + item.code() + ".rule", faults);
                rules.put(item.code(), rule);
            } catch (RuleFault e) {
                faults.add("items." + item.code() + ".rule: " + e.getMessage());
            }
        }
        if (!faults.isEmpty()) {
            throw new InvalidServiceList(source, faults);
        }
        return new CompiledServiceList(version, rules);
    }

    ServiceListVersion version() {
        return version;
    }

    Node rule(String itemCode) {
        return rules.get(itemCode);
    }

    /** One item's result for one person. */
    record ItemOutcome(ServiceItem item, @Nullable Boolean eligible, @Nullable String supersededBy,
                       RuleEvaluator.Outcome rule) {
    }

    /**
     * Evaluates every item: each rule on its own, then supplements (only on top of an eligible standard of their
     * group), then the highest-standard rule within each group (the others stay eligible but superseded).
     */
    List<ItemOutcome> evaluate(Facts facts, String language) {
        Map<String, RuleEvaluator.Outcome> outcomes = new LinkedHashMap<>();
        for (ServiceItem item : version.items()) {
            outcomes.put(item.code(), RuleEvaluator.evaluate(rules.get(item.code()), facts.forItem(item), language));
        }
        Map<String, Boolean> eligible = new LinkedHashMap<>();
        for (ServiceItem item : version.items()) {
            Boolean own = outcomes.get(item.code()).result();
            eligible.put(item.code(), item.supplementTo() == null ? own
                    : Kleene.and(own, groupEligible(item.supplementTo(), outcomes)));
        }
        Map<String, String> winners = winners(eligible);
        List<ItemOutcome> result = new ArrayList<>();
        for (ServiceItem item : version.items()) {
            String winner = item.standardGroup() == null ? null : winners.get(item.standardGroup());
            String supersededBy = Boolean.TRUE.equals(eligible.get(item.code())) && winner != null
                    && !winner.equals(item.code()) ? winner : null;
            result.add(new ItemOutcome(item, eligible.get(item.code()), supersededBy, outcomes.get(item.code())));
        }
        return result;
    }

    private @Nullable Boolean groupEligible(String group, Map<String, RuleEvaluator.Outcome> outcomes) {
        Boolean any = Boolean.FALSE;
        for (ServiceItem standard : standards(group)) {
            any = Kleene.or(any, outcomes.get(standard.code()).result());
        }
        return any;
    }

    /** Per group, the eligible standard with the highest monthly amount (the first of equals). */
    private Map<String, String> winners(Map<String, Boolean> eligible) {
        Map<String, String> winners = new LinkedHashMap<>();
        version.items().stream().filter(i -> i.standardGroup() != null)
                .map(ServiceItem::standardGroup).distinct().forEach(group -> standards(group).stream()
                        .filter(i -> Boolean.TRUE.equals(eligible.get(i.code())))
                        .max(Comparator.comparingLong((ServiceItem i) -> i.benefit().monthlyAmountFen())
                                .thenComparing(i -> -version.items().indexOf(i)))
                        .ifPresent(w -> winners.put(group, w.code())));
        return winners;
    }

    private List<ServiceItem> standards(String group) {
        return version.items().stream().filter(i -> group.equals(i.standardGroup())).toList();
    }

    /**
     * The SQL condition selecting the people for whom the item's rule holds (supplements include their group's
     * condition); bind parameters are added to {@code parameters}.
     */
    String condition(String itemCode, String prefix, @Nullable BigDecimal dibaoStandardFen, LocalDate asOf,
                     Map<String, Object> parameters) {
        ServiceItem item = version.item(itemCode).orElseThrow();
        String own = sqlOf(item, prefix + "o", dibaoStandardFen, asOf, parameters);
        if (item.supplementTo() == null) {
            return own;
        }
        List<String> group = new ArrayList<>();
        List<ServiceItem> standards = standards(item.supplementTo());
        for (int i = 0; i < standards.size(); i++) {
            group.add(sqlOf(standards.get(i), prefix + "g" + i, dibaoStandardFen, asOf, parameters));
        }
        return "(" + own + " and (" + String.join(" or ", group) + "))";
    }

    private String sqlOf(ServiceItem item, String prefix, @Nullable BigDecimal dibaoStandardFen, LocalDate asOf,
                         Map<String, Object> parameters) {
        var compiler = new SqlCompiler(prefix + "_", FactsQuery.ageColumn(item), dibaoStandardFen);
        String condition = compiler.condition(rules.get(item.code()));
        parameters.putAll(compiler.parameters());
        return condition;
    }

    private static void checkTags(Node node, String path, List<String> faults) {
        if (node instanceof Node.TagHeld tag && !KNOWN_TAGS.contains(tag.tag())) {
            faults.add(path + ": unknown tag " + tag.tag());
        } else if (node instanceof Node.And and) {
            checkTags(and.left(), path, faults);
            checkTags(and.right(), path, faults);
        } else if (node instanceof Node.Or or) {
            checkTags(or.left(), path, faults);
            checkTags(or.right(), path, faults);
        } else if (node instanceof Node.Not not) {
            checkTags(not.operand(), path, faults);
        }
    }
}
