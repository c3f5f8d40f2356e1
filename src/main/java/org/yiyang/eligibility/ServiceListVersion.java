package org.yiyang.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A version of the basic elderly care service list: its document, its period, its parameters (thresholds such as
 * the 2.5 × 低保 multiplier), named sub-rules, categories and items. A version is data an officer replaces.
 *
 * @param officialListObtained false while the official list is not obtained and the version is seeded from the
 *                             programme documents (open item 6)
 */
public record ServiceListVersion(String code, int year, String docNo, String issuer, LocalDate effectiveFrom,
                                 @Nullable LocalDate effectiveTo, boolean officialListObtained, String note,
                                 Map<String, Object> parameters, List<Definition> definitions,
                                 List<Category> categories, List<ServiceItem> items) {

    public ServiceListVersion {
        parameters = Map.copyOf(parameters);
        definitions = List.copyOf(definitions);
        categories = List.copyOf(categories);
        items = List.copyOf(items);
    }

    /** A named sub-rule, shown in traces under its label. */
    public record Definition(String name, Map<String, String> label, String rule) {
        public Definition {
            label = Map.copyOf(label);
        }
    }

    public record Category(String code, Map<String, String> name) {
        public Category {
            name = Map.copyOf(name);
        }
    }

    public Optional<ServiceItem> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public boolean appliesOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }
}
