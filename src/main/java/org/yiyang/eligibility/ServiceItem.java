package org.yiyang.eligibility;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One item of a service-list version (清单项目).
 *
 * @param name              by language tag ("zh-CN", "en")
 * @param rule              the target-group rule in the CEL subset
 * @param standardGroup     items of one group are alternative standards: where several fit, the highest applies
 * @param supplementTo      a supplement (e.g. 重度失能护理资助) paid on top of an eligible item of that group
 * @param ageReference      the date on which age is counted for this item
 * @param targetGroupStatus where the target group comes from (a spec status label)
 */
public record ServiceItem(String code, Map<String, String> name, String category, SupportForm supportForm,
                          Funding funding, Benefit benefit, Map<String, String> leadDepartment, String source,
                          String targetGroupStatus, String rule, @Nullable String standardGroup,
                          @Nullable String supplementTo, AgeReference ageReference) {

    public ServiceItem {
        name = Map.copyOf(name);
        leadDepartment = Map.copyOf(leadDepartment);
    }

    /** 支持方式. */
    public enum SupportForm { CASH_SUBSIDY, SERVICE_ACCOUNT, IN_KIND_SERVICE, FEE_WAIVER, ASSESSMENT }

    /** 资金来源. */
    public enum Funding { GOVERNMENT_PROVIDED, GOVERNMENT_SUBSIDISED, INSURANCE }

    /** The date on which an item counts a person's age. */
    public enum AgeReference { EVALUATION_DATE, FIRST_DAY_OF_MONTH }

    /**
     * What the item gives: a monthly amount, or a reference to the programme that computes it, with a description.
     */
    public record Benefit(@Nullable Long monthlyAmountFen, @Nullable String programme,
                          Map<String, String> description) {
        public Benefit {
            description = Map.copyOf(description);
        }
    }

    public String name(String language) {
        return name.getOrDefault(language, name.getOrDefault("zh-CN", code));
    }
}
