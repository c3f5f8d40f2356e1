package org.yiyang.eligibility.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yiyang.eligibility.ServiceItem;
import org.yiyang.eligibility.ServiceItem.AgeReference;
import org.yiyang.eligibility.ServiceItem.Benefit;
import org.yiyang.eligibility.ServiceItem.Funding;
import org.yiyang.eligibility.ServiceItem.SupportForm;
import org.yiyang.eligibility.ServiceListVersion;
import org.yiyang.eligibility.ServiceListVersion.Category;
import org.yiyang.eligibility.ServiceListVersion.Definition;
import tools.jackson.databind.JsonNode;

/**
 * Reads a service-list version document (JSON) and checks its shape: required fields, known enumerations, unique
 * codes, categories and groups that exist. Every fault is collected with its path; the rules are checked afterwards
 * by {@link CompiledServiceList}.
 */
final class ServiceListReader {
    private final List<String> faults = new ArrayList<>();

    private ServiceListReader() {
    }

    /** Reads and checks a document; throws {@link InvalidServiceList} listing every fault. */
    static CompiledServiceList read(JsonNode root, String source) {
        var reader = new ServiceListReader();
        ServiceListVersion version = reader.version(root);
        if (version == null) {
            throw new InvalidServiceList(source, reader.faults);
        }
        List<String> faults = new ArrayList<>(reader.faults);
        try {
            CompiledServiceList compiled = CompiledServiceList.compile(version, source);
            if (faults.isEmpty()) {
                return compiled;
            }
        } catch (InvalidServiceList e) {
            faults.addAll(e.faults());
        }
        throw new InvalidServiceList(source, faults);
    }

    private @Nullable ServiceListVersion version(JsonNode root) {
        if (!root.isObject()) {
            faults.add("(document): must be a JSON object");
            return null;
        }
        String code = text(root, "code", "code");
        if (code != null && !code.matches("[A-Z0-9][A-Z0-9_-]{1,59}")) {
            faults.add("code: use 2–60 capital letters, digits, - or _");
        }
        int year = root.path("year").asInt(0);
        if (year < 2000 || year > 2100) {
            faults.add("year: must be a year");
        }
        String docNo = text(root, "docNo", "docNo");
        String issuer = text(root, "issuer", "issuer");
        LocalDate from = date(root, "effectiveFrom", true);
        LocalDate to = date(root, "effectiveTo", false);
        if (from != null && to != null && to.isBefore(from)) {
            faults.add("effectiveTo: is before effectiveFrom");
        }
        boolean official = root.path("officialListObtained").asBoolean(false);
        String note = root.path("note").isString() ? root.path("note").asString() : "";
        Map<String, Object> parameters = parameters(root.path("parameters"));
        List<Definition> definitions = new ArrayList<>();
        each(root, "definitions", (node, path) -> {
            String name = text(node, "name", path + ".name");
            String rule = text(node, "rule", path + ".rule");
            if (name != null && rule != null) {
                definitions.add(new Definition(name, names(node.path("label")), rule));
            }
        });
        List<Category> categories = new ArrayList<>();
        each(root, "categories", (node, path) -> {
            String c = text(node, "code", path + ".code");
            if (c != null) {
                categories.add(new Category(c, names(node.path("name"))));
            }
        });
        List<ServiceItem> items = new ArrayList<>();
        each(root, "items", (node, path) -> {
            ServiceItem item = item(node, path);
            if (item != null) {
                items.add(item);
            }
        });
        checkReferences(categories, items);
        if (code == null || docNo == null || issuer == null || from == null) {
            return null;
        }
        // returned even with faults, so that the rules are checked too and every fault is reported at once
        return new ServiceListVersion(code, year, docNo, issuer, from, to, official, note, parameters, definitions,
                categories, items);
    }

    private @Nullable ServiceItem item(JsonNode node, String path) {
        String code = text(node, "code", path + ".code");
        String category = text(node, "category", path + ".category");
        SupportForm form = enumOf(node, "supportForm", path, SupportForm.class, null);
        Funding funding = enumOf(node, "funding", path, Funding.class, null);
        AgeReference age = enumOf(node, "ageReference", path, AgeReference.class, AgeReference.EVALUATION_DATE);
        String source = text(node, "source", path + ".source");
        String rule = text(node, "rule", path + ".rule");
        JsonNode benefitNode = node.path("benefit");
        Long amount = null;
        if (benefitNode.has("monthlyAmountFen")) {
            JsonNode v = benefitNode.get("monthlyAmountFen");
            if (!v.isIntegralNumber() || v.asLong() < 0) {
                faults.add(path + ".benefit.monthlyAmountFen: must be a whole number of fen, 0 or more");
            } else {
                amount = v.asLong();
            }
        }
        String programme = benefitNode.path("programme").isString() ? benefitNode.path("programme").asString() : null;
        Map<String, String> name = names(node.path("name"));
        if (!name.containsKey("zh-CN")) {
            faults.add(path + ".name: needs a zh-CN name");
        }
        if (code == null || category == null || form == null || funding == null || source == null || rule == null) {
            return null;
        }
        return new ServiceItem(code, name, category, form, funding,
                new Benefit(amount, programme, names(benefitNode.path("description"))),
                names(node.path("leadDepartment")), source, node.path("targetGroupStatus").asString("LOCAL_DEFAULT"),
                rule, optionalText(node, "standardGroup"), optionalText(node, "supplementTo"), age);
    }

    private void checkReferences(List<Category> categories, List<ServiceItem> items) {
        Set<String> categoryCodes = new HashSet<>();
        categories.forEach(c -> {
            if (!categoryCodes.add(c.code())) {
                faults.add("categories: " + c.code() + " appears twice");
            }
        });
        Set<String> itemCodes = new HashSet<>();
        Set<String> groups = new HashSet<>();
        items.forEach(i -> {
            if (i.standardGroup() != null) {
                groups.add(i.standardGroup());
            }
        });
        for (ServiceItem item : items) {
            if (!itemCodes.add(item.code())) {
                faults.add("items: " + item.code() + " appears twice");
            }
            if (!categoryCodes.contains(item.category())) {
                faults.add("items." + item.code() + ".category: " + item.category() + " is not a category");
            }
            if (item.supplementTo() != null && !groups.contains(item.supplementTo())) {
                faults.add("items." + item.code() + ".supplementTo: no item has standardGroup " + item.supplementTo());
            }
            if (item.supplementTo() != null && item.standardGroup() != null) {
                faults.add("items." + item.code() + ": an item is either a standard of a group or a supplement");
            }
            if (item.standardGroup() != null && item.benefit().monthlyAmountFen() == null) {
                faults.add("items." + item.code() + ".benefit.monthlyAmountFen: needed to rank the standards of "
                        + item.standardGroup());
            }
        }
        if (items.isEmpty()) {
            faults.add("items: a list version needs at least one item");
        }
    }

    private Map<String, Object> parameters(JsonNode node) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return parameters;
        }
        if (!node.isObject()) {
            faults.add("parameters: must be an object");
            return parameters;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            Object value = scalar(e.getValue());
            if (e.getValue().isArray()) {
                List<Object> list = new ArrayList<>();
                e.getValue().forEach(v -> list.add(scalar(v)));
                value = list.contains(null) ? null : list;
            }
            if (value == null) {
                faults.add("parameters." + e.getKey() + ": must be a number, text, true/false or a list of them");
            } else {
                parameters.put(e.getKey(), value);
            }
        }
        return parameters;
    }

    private static @Nullable Object scalar(JsonNode v) {
        if (v.isNumber()) {
            return new BigDecimal(v.asString());
        }
        if (v.isString()) {
            return v.asString();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return null;
    }

    private static Map<String, String> names(JsonNode node) {
        Map<String, String> names = new LinkedHashMap<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getValue().isString()) {
                    names.put(e.getKey(), e.getValue().asString());
                }
            }
        }
        return names;
    }

    private void each(JsonNode root, String field, java.util.function.BiConsumer<JsonNode, String> action) {
        JsonNode array = root.path(field);
        if (array.isMissingNode() || array.isNull()) {
            return;
        }
        if (!array.isArray()) {
            faults.add(field + ": must be a list");
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                faults.add(field + "[" + i + "]: must be an object");
            } else {
                action.accept(node, field + "[" + i + "]");
            }
        }
    }

    private @Nullable String text(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || !v.isString() || v.asString().isBlank()) {
            faults.add(path + ": is missing");
            return null;
        }
        return v.asString();
    }

    private static @Nullable String optionalText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isString() || v.asString().isBlank() ? null : v.asString();
    }

    private @Nullable LocalDate date(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                faults.add(field + ": is missing");
            }
            return null;
        }
        try {
            return LocalDate.parse(v.asString());
        } catch (RuntimeException e) {
            faults.add(field + ": is not a date (yyyy-MM-dd)");
            return null;
        }
    }

    private <E extends Enum<E>> @Nullable E enumOf(JsonNode node, String field, String path, Class<E> type,
                                                   @Nullable E fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                faults.add(path + "." + field + ": is missing");
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, v.asString());
        } catch (IllegalArgumentException e) {
            faults.add(path + "." + field + ": is not one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }
}
