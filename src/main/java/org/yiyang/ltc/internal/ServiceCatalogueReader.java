package org.yiyang.ltc.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yiyang.ltc.BenefitGroup;
import org.yiyang.ltc.CostCategory;
import org.yiyang.ltc.ServiceCatalogue;
import org.yiyang.ltc.ServiceCatalogue.Item;
import org.yiyang.ltc.ServiceCatalogue.Status;
import tools.jackson.databind.JsonNode;

/** Reads and checks one catalogue file ({@code policy/<city>/ltc/catalogue/*.json}); faults stop start-up. */
public final class ServiceCatalogueReader {
    private final List<String> faults = new ArrayList<>();

    private ServiceCatalogueReader() {
    }

    public static ServiceCatalogue read(JsonNode root, String source) {
        var reader = new ServiceCatalogueReader();
        ServiceCatalogue c = reader.parse(root);
        if (c == null || !reader.faults.isEmpty()) {
            throw new IllegalStateException("LTC catalogue file " + source + " cannot be used: "
                    + String.join("; ", reader.faults));
        }
        return c;
    }

    private @Nullable ServiceCatalogue parse(JsonNode root) {
        JsonNode v = root.get("catalogueVersion");
        if (v == null || !v.isObject()) {
            faults.add("catalogueVersion is missing");
            return null;
        }
        String id = text(v, "id", "catalogueVersion.id");
        String docNo = text(v, "docNo", "catalogueVersion.docNo");
        String issuer = text(v, "issuer", "catalogueVersion.issuer");
        LocalDate from = date(v, "effectiveFrom", true);
        LocalDate to = date(v, "effectiveTo", false);
        Status status = status(v, "catalogueVersion.status");
        String stamp = v.has("stamp") && v.get("stamp").isString() ? v.get("stamp").asString() : null;
        if (status == Status.SAMPLE && (stamp == null || !stamp.contains("SAMPLE"))) {
            faults.add("catalogueVersion.stamp must say SAMPLE for a sample catalogue");
        }
        List<Item> items = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        JsonNode array = root.get("items");
        if (array == null || !array.isArray() || array.isEmpty()) {
            faults.add("items must be a non-empty list");
        } else {
            for (int i = 0; i < array.size(); i++) {
                Item item = item(array.get(i), "items[" + i + "]", status);
                if (item != null && !codes.add(item.code())) {
                    faults.add("items[" + i + "].code repeats " + item.code());
                }
                if (item != null) {
                    items.add(item);
                }
            }
        }
        if (!faults.isEmpty() || id == null || docNo == null || issuer == null || from == null || status == null) {
            return null;
        }
        return new ServiceCatalogue(id, docNo, issuer, from, to, status, stamp, items);
    }

    private @Nullable Item item(JsonNode n, String path, @Nullable Status catalogueStatus) {
        String code = text(n, "code", path + ".code");
        String name = text(n, "name", path + ".name");
        String unit = text(n, "unit", path + ".unit");
        CostCategory category = null;
        try {
            category = CostCategory.valueOf(n.path("category").asString(""));
        } catch (IllegalArgumentException e) {
            faults.add(path + ".category is not LIFE_CARE, MEDICAL_CARE or DEVICE");
        }
        if (category == CostCategory.MEDICAL_CONSUMABLES) {
            faults.add(path + ".category: consumables are MEDICAL_CARE items with isConsumable = true");
        }
        JsonNode price = n.get("unitPriceFen");
        if (price == null || !price.isIntegralNumber() || price.asLong() < 0) {
            faults.add(path + ".unitPriceFen must be a whole number of fen, 0 or more");
        }
        Set<Integer> levels = new LinkedHashSet<>();
        for (JsonNode l : n.path("eligibleLevels")) {
            if (!l.isInt() || l.asInt() < 1 || l.asInt() > 3) {
                faults.add(path + ".eligibleLevels holds a level outside 1-3");
            } else {
                levels.add(l.asInt());
            }
        }
        if (levels.isEmpty()) {
            faults.add(path + ".eligibleLevels is empty");
        }
        Set<BenefitGroup> groups = new LinkedHashSet<>();
        for (JsonNode g : n.path("eligibleGroups")) {
            try {
                groups.add(BenefitGroup.valueOf(g.asString("")));
            } catch (IllegalArgumentException e) {
                faults.add(path + ".eligibleGroups holds an unknown group");
            }
        }
        Status status = status(n, path + ".status");
        if (status != null && catalogueStatus != null && status != catalogueStatus) {
            faults.add(path + ".status differs from the catalogue's status");
        }
        if (code == null || name == null || unit == null || category == null || price == null || status == null) {
            return null;
        }
        String sub = n.has("subCategory") && n.get("subCategory").isString() ? n.get("subCategory").asString() : null;
        return new Item(code, name, category, sub, unit, price.asLong(), n.path("isConsumable").asBoolean(false),
                levels, groups, status);
    }

    private @Nullable String text(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || !v.isString() || v.asString().isBlank()) {
            faults.add(path + " is missing");
            return null;
        }
        return v.asString();
    }

    private @Nullable LocalDate date(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                faults.add("catalogueVersion." + field + " is missing");
            }
            return null;
        }
        try {
            return LocalDate.parse(v.asString());
        } catch (RuntimeException e) {
            faults.add("catalogueVersion." + field + " is not a date");
            return null;
        }
    }

    private @Nullable Status status(JsonNode n, String path) {
        try {
            return Status.valueOf(n.path("status").asString(""));
        } catch (IllegalArgumentException e) {
            faults.add(path + " must be OFFICIAL or SAMPLE");
            return null;
        }
    }
}
