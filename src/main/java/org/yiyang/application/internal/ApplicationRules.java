package org.yiyang.application.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.stereotype.Component;
import org.yiyang.shared.PolicyVersion.PolicyStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The process rules of the city's policy pack ({@code policy/<city>/application/application-rules.json}): deadlines,
 * the applicant's rights, the first grant month, attachment limits and each item's materials checklist. Data, not
 * code; every value carries the status label of the specs (local defaults are shown as such).
 */
@Component
public class ApplicationRules {

    /** A number with where it comes from. */
    public record Period(int value, PolicyStatus status) {
        public boolean localDefault() {
            return status == PolicyStatus.LOCAL_DEFAULT;
        }
    }

    /** An item that can be applied for: whether it needs the care-needs assessment, and its materials. */
    public record ItemRule(String code, boolean needsAssessment, List<String> materials) {
        public ItemRule {
            materials = List.copyOf(materials);
        }
    }

    private final String docNo;
    private final Map<String, Period> periods = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> materialNames = new LinkedHashMap<>();
    private final Map<String, ItemRule> items = new LinkedHashMap<>();
    private final List<String> agentMaterials = new ArrayList<>();
    private final int maxAttachmentBytes;
    private final Set<String> contentTypes;

    ApplicationRules(@Value("${yiyang.city}") String city) {
        String path = "classpath:policy/" + city + "/application/application-rules.json";
        JsonNode root;
        try (InputStream in = new DefaultResourceLoader().getResource(path).getInputStream()) {
            root = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("application rules cannot be read", e);
        }
        docNo = root.get("docNo").asString();
        for (String section : List.of("deadlines", "rights")) {
            root.get(section).properties().forEach(e -> periods.put(e.getKey(), new Period(
                    e.getValue().get("value").asInt(), PolicyStatus.valueOf(e.getValue().get("status").asString()))));
        }
        String firstMonth = root.get("grants").get("firstMonth").get("value").asString();
        if (!firstMonth.equals("MONTH_AFTER_DECISION")) {
            throw new IllegalStateException("unsupported grants.firstMonth " + firstMonth);
        }
        root.get("materials").properties().forEach(e -> {
            Map<String, String> names = new LinkedHashMap<>();
            e.getValue().properties().forEach(n -> names.put(n.getKey(), n.getValue().asString()));
            materialNames.put(e.getKey(), names);
        });
        root.get("items").properties().forEach(e -> {
            List<String> materials = new ArrayList<>();
            e.getValue().get("materials").forEach(m -> materials.add(requireMaterial(m.asString())));
            items.put(e.getKey(), new ItemRule(e.getKey(), e.getValue().get("needsAssessment").asBoolean(),
                    materials));
        });
        root.get("agentMaterials").forEach(m -> agentMaterials.add(requireMaterial(m.asString())));
        maxAttachmentBytes = root.get("attachments").get("maxBytes").asInt();
        List<String> types = new ArrayList<>();
        root.get("attachments").get("contentTypes").forEach(t -> types.add(t.asString()));
        contentTypes = Set.copyOf(types);
        for (String key : List.of("firstCheckWorkingDays", "verificationWorkingDays", "reviewDecisionWorkingDays",
                "reviewRequestDays", "administrativeReviewDays", "litigationMonths")) {
            period(key);
        }
    }

    private String requireMaterial(String code) {
        if (!materialNames.containsKey(code)) {
            throw new IllegalStateException("application rules name an unknown material " + code);
        }
        return code;
    }

    public String docNo() {
        return docNo;
    }

    public Period period(String key) {
        Period p = periods.get(key);
        if (p == null) {
            throw new IllegalStateException("application rules lack " + key);
        }
        return p;
    }

    public java.util.Optional<ItemRule> item(String code) {
        return java.util.Optional.ofNullable(items.get(code));
    }

    public List<String> itemCodes() {
        return List.copyOf(items.keySet());
    }

    /** The checklist for the items and channel: each material once, in the order of the data. */
    public List<String> checklist(List<String> itemCodes, Channel channel) {
        var out = new java.util.LinkedHashSet<String>();
        for (String code : itemCodes) {
            item(code).ifPresent(r -> out.addAll(r.materials()));
        }
        if (channel.needsAgentConsent()) {
            out.addAll(agentMaterials);
        }
        return List.copyOf(out);
    }

    public String materialName(String code, String language) {
        Map<String, String> names = materialNames.getOrDefault(code, Map.of());
        return names.getOrDefault(language, names.getOrDefault("zh-CN", code));
    }

    public boolean isMaterial(String code) {
        return materialNames.containsKey(code);
    }

    public int maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    public Set<String> contentTypes() {
        return contentTypes;
    }
}
