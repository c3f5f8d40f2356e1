package org.yiyang.account.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The account's data ({@code policy/<city>/account/account-rules.json}): the credit day, the subsidy items that feed
 * the account, and the service catalogue with each item's category (only {@code SERVICE} may be charged: not cash, not
 * goods, not medical fees).
 */
@Component
class ServiceAccountRules {
    enum Category { SERVICE, CASH, GOODS, MEDICAL_FEE }

    record Service(String code, Category category, Map<String, String> names) {
        String name(Locale locale) {
            return locale.getLanguage().equals("zh") ? names.getOrDefault("zh-CN", code)
                    : names.getOrDefault("en", code);
        }
    }

    private final String docNo;
    private final int creditDay;
    private final List<String> accountItems = new ArrayList<>();
    private final Map<String, Service> services = new LinkedHashMap<>();

    ServiceAccountRules(@Value("${yiyang.city}") String city) {
        String path = "classpath:policy/" + city + "/account/account-rules.json";
        JsonNode root;
        try (InputStream in = new DefaultResourceLoader().getResource(path).getInputStream()) {
            root = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("account rules cannot be read", e);
        }
        docNo = root.get("docNo").asString();
        creditDay = root.get("creditDay").get("value").asInt();
        if (creditDay < 1 || creditDay > 28) {
            throw new IllegalStateException("creditDay must be 1–28 (every month has it)");
        }
        String reference = root.get("ageReferenceDate").get("value").asString();
        if (!reference.equals("FIRST_DAY_OF_MONTH")) {
            throw new IllegalStateException("unsupported ageReferenceDate " + reference);
        }
        root.get("accountItems").forEach(i -> accountItems.add(i.asString()));
        root.get("services").forEach(s -> {
            Map<String, String> names = new LinkedHashMap<>();
            names.put("zh-CN", s.get("zh-CN").asString());
            names.put("en", s.get("en").asString());
            String code = s.get("code").asString();
            services.put(code, new Service(code, Category.valueOf(s.get("category").asString()), names));
        });
    }

    String docNo() {
        return docNo;
    }

    int creditDay() {
        return creditDay;
    }

    List<String> accountItems() {
        return List.copyOf(accountItems);
    }

    Optional<Service> service(String code) {
        return Optional.ofNullable(services.get(code));
    }

    List<Service> services() {
        return List.copyOf(services.values());
    }
}
