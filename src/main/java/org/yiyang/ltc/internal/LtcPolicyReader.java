package org.yiyang.ltc.internal;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yiyang.ltc.CareForm;
import org.yiyang.ltc.CostCategory;
import org.yiyang.ltc.HomeClass;
import org.yiyang.ltc.InsuredType;
import org.yiyang.ltc.LimitKind;
import org.yiyang.ltc.LimitPeriod;
import org.yiyang.ltc.LtcPolicy;
import org.yiyang.ltc.LtcPolicy.AssessmentFee;
import org.yiyang.ltc.LtcPolicy.Limit;
import org.yiyang.ltc.LtcPolicy.LocalDefault;
import org.yiyang.ltc.LtcPolicy.Ratio;
import org.yiyang.ltc.LtcPolicy.SubLimit;
import org.yiyang.ltc.LtcPolicy.SubLimitKind;
import org.yiyang.ltc.LtcPolicy.VisitRule;
import org.yiyang.shared.PolicyVersion;
import org.yiyang.shared.PolicyVersion.PolicyStatus;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks one LTC policy file ({@code policy/<city>/ltc/*.json}). Every fault is collected and reported with
 * the file name and the path of the value, and start-up stops: a settlement never runs on a policy with a hole.
 */
public final class LtcPolicyReader {
    static final int LEVELS = 3;

    private final String source;
    private final List<String> faults = new ArrayList<>();

    private LtcPolicyReader(String source) {
        this.source = source;
    }

    /** Reads the file or throws {@link InvalidLtcPolicy} naming every fault. */
    public static LtcPolicy read(JsonNode root, String source) {
        var reader = new LtcPolicyReader(source);
        LtcPolicy policy = reader.parse(root);
        if (!reader.faults.isEmpty() || policy == null) {
            throw new InvalidLtcPolicy(source, reader.faults);
        }
        return policy;
    }

    private @Nullable LtcPolicy parse(JsonNode root) {
        String id = text(root, "id", "id");
        String title = text(root, "title", "title");
        String docNo = text(root, "docNo", "docNo");
        String issuer = text(root, "issuer", "issuer");
        LocalDate from = date(root, "effectiveFrom", "effectiveFrom", true);
        LocalDate to = date(root, "effectiveTo", "effectiveTo", false);
        PolicyStatus status = status(root, "status");
        if (from != null && to != null && to.isBefore(from)) {
            fault("effectiveTo", "is before effectiveFrom");
        }
        int continuingLevel = 0;
        JsonNode continuing = root.get("continuingCare");
        if (continuing == null || !continuing.isObject()) {
            fault("continuingCare", "is missing");
        } else {
            continuingLevel = integer(continuing, "limitsOfLevel", "continuingCare.limitsOfLevel", 1, LEVELS);
        }
        LtcPolicy.BenefitRules benefitRules = null;
        JsonNode rules = root.get("benefitRules");
        if (rules == null || !rules.isObject()) {
            fault("benefitRules", "is missing");
        } else {
            int minDisability = integer(rules, "longTermMinDisabilityMonths", "benefitRules.longTermMinDisabilityMonths",
                    0, 120);
            int minMonths = integer(rules, "continuingMinMonths", "benefitRules.continuingMinMonths", 1, 12);
            int maxMonths = integer(rules, "continuingMaxMonths", "benefitRules.continuingMaxMonths", 1, 12);
            int times = integer(rules, "continuingTimesPerYear", "benefitRules.continuingTimesPerYear", 1, 12);
            PolicyStatus s = status(rules, "benefitRules.status");
            String article = text(rules, "article", "benefitRules.article");
            if (maxMonths < minMonths) {
                fault("benefitRules.continuingMaxMonths", "is below continuingMinMonths");
            }
            if (s != null && article != null) {
                benefitRules = new LtcPolicy.BenefitRules(minDisability, minMonths, maxMonths, times, s, article);
            }
        }
        List<Limit> limits = new ArrayList<>();
        eachOf(root, "limits", (node, path) -> {
            Limit l = limit(node, path);
            if (l != null) {
                limits.add(l);
            }
        });
        List<Ratio> ratios = new ArrayList<>();
        eachOf(root, "ratios", (node, path) -> {
            Ratio r = ratio(node, path);
            if (r != null) {
                ratios.add(r);
            }
        });
        List<VisitRule> visits = new ArrayList<>();
        eachOf(root, "visitRules", (node, path) -> {
            VisitRule v = visitRule(node, path);
            if (v != null) {
                visits.add(v);
            }
        });
        List<AssessmentFee> fees = new ArrayList<>();
        eachOf(root, "assessmentFees", (node, path) -> {
            String assessment = text(node, "assessment", path + ".assessment");
            String outcome = text(node, "outcome", path + ".outcome");
            long fee = amount(node, "feeFen", path + ".feeFen");
            int fund = integer(node, "fundShareBp", path + ".fundShareBp", 0, 10_000);
            int applicant = integer(node, "applicantShareBp", path + ".applicantShareBp", 0, 10_000);
            PolicyStatus s = status(node, path + ".status");
            String article = text(node, "article", path + ".article");
            if (fund + applicant != 10_000 && fee != 0) {
                fault(path, "fund and applicant shares do not add up to 10000 bp");
            }
            if (assessment != null && outcome != null && s != null && article != null) {
                fees.add(new AssessmentFee(assessment, outcome, fee, fund, applicant, s, article));
            }
        });
        Map<String, LocalDefault> defaults = new HashMap<>();
        eachOf(root, "localDefaults", (node, path) -> {
            String key = text(node, "key", path + ".key");
            String value = text(node, "value", path + ".value");
            PolicyStatus s = status(node, path + ".status");
            if (s != null && s != PolicyStatus.LOCAL_DEFAULT) {
                fault(path + ".status", "a value the text does not settle must be labelled LOCAL_DEFAULT");
            }
            if (key != null && value != null && s != null && defaults.put(key, new LocalDefault(key, value, s)) != null) {
                fault(path + ".key", "repeats " + key);
            }
        });
        RoundingMode rounding = null;
        LocalDefault roundingDefault = defaults.get(LtcPolicy.ROUNDING);
        if (roundingDefault == null) {
            fault("localDefaults", "has no " + LtcPolicy.ROUNDING);
        } else {
            try {
                rounding = RoundingMode.valueOf(roundingDefault.value());
                if (rounding == RoundingMode.UNNECESSARY) {
                    fault("localDefaults." + LtcPolicy.ROUNDING, "UNNECESSARY cannot round a ratio result");
                }
            } catch (IllegalArgumentException e) {
                fault("localDefaults." + LtcPolicy.ROUNDING, "is not a rounding mode");
            }
        }
        checkCompleteness(limits, ratios, visits);
        if (!faults.isEmpty() || id == null || title == null || docNo == null || issuer == null || from == null
                || status == null || rounding == null || benefitRules == null) {
            return null;
        }
        return new LtcPolicy(id, title, new PolicyVersion(docNo, issuer, from, to, status), continuingLevel, limits,
                ratios, visits, fees, defaults, rounding, benefitRules);
    }

    private @Nullable Limit limit(JsonNode node, String path) {
        CostCategory category = enumOf(node, "category", path, CostCategory.class, true);
        int level = integer(node, "level", path + ".level", 1, LEVELS);
        CareForm form = enumOf(node, "careForm", path, CareForm.class, false);
        InsuredType type = enumOf(node, "insuredType", path, InsuredType.class, true);
        LimitKind kind = enumOf(node, "kind", path, LimitKind.class, true);
        LimitPeriod period = enumOf(node, "period", path, LimitPeriod.class, true);
        PolicyStatus s = status(node, path + ".status");
        String article = text(node, "article", path + ".article");
        long amount = 0;
        int months = 0;
        SubLimit sub = null;
        if (kind == LimitKind.DURATION) {
            months = integer(node, "months", path + ".months", 1, 1200);
            if (period != LimitPeriod.VALIDITY_PERIOD) {
                fault(path + ".period", "a duration limit runs per VALIDITY_PERIOD");
            }
        } else if (kind != null) {
            amount = amount(node, "amountFen", path + ".amountFen");
            if (period == LimitPeriod.VALIDITY_PERIOD) {
                fault(path + ".period", "a money limit runs per DAY or MONTH");
            }
            if (kind == LimitKind.FUND_MAX && category != CostCategory.MEDICAL_CARE) {
                fault(path + ".kind", "only medical nursing has a fund maximum");
            }
            if (kind == LimitKind.FUND_MAX && period != LimitPeriod.MONTH) {
                fault(path + ".period", "the medical-nursing fund maximum is monthly");
            }
            if (category == CostCategory.DEVICE && period != LimitPeriod.MONTH) {
                fault(path + ".period", "device limits are monthly");
            }
            JsonNode subNode = node.get("subLimit");
            if (subNode != null && !subNode.isNull()) {
                SubLimitKind what = enumOf(subNode, "what", path + ".subLimit", SubLimitKind.class, true);
                long subAmount = amount(subNode, "amountFen", path + ".subLimit.amountFen");
                if (subAmount > amount) {
                    fault(path + ".subLimit.amountFen", "is above the limit it is part of");
                }
                if (what == SubLimitKind.BED_FEE && (category != CostCategory.LIFE_CARE || period != LimitPeriod.DAY)) {
                    fault(path + ".subLimit", "a bed-fee sub-limit belongs to a daily life-care limit");
                }
                if (what == SubLimitKind.CONSUMABLES && kind != LimitKind.FUND_MAX) {
                    fault(path + ".subLimit", "a consumables sub-limit belongs to the medical-nursing fund maximum");
                }
                if (what != null) {
                    sub = new SubLimit(what, subAmount);
                }
            }
        }
        if (category == CostCategory.MEDICAL_CONSUMABLES) {
            fault(path + ".category", "consumables are limited inside the MEDICAL_CARE fund maximum (subLimit)");
        }
        if (category == null || type == null || kind == null || period == null || s == null || article == null
                || level == 0) {
            return null;
        }
        return new Limit(category, level, form, type, kind, period, amount, months, sub, s, article);
    }

    private @Nullable Ratio ratio(JsonNode node, String path) {
        CostCategory category = enumOf(node, "category", path, CostCategory.class, true);
        CareForm form = enumOf(node, "careForm", path, CareForm.class, false);
        Integer level = node.has("level") ? integer(node, "level", path + ".level", 1, LEVELS) : null;
        InsuredType type = enumOf(node, "insuredType", path, InsuredType.class, true);
        int bp = integer(node, "basisPoints", path + ".basisPoints", 0, 10_000);
        PolicyStatus s = status(node, path + ".status");
        String article = text(node, "article", path + ".article");
        if (category == null || type == null || s == null || article == null) {
            return null;
        }
        return new Ratio(category, form, level, type, bp, s, article);
    }

    private @Nullable VisitRule visitRule(JsonNode node, String path) {
        HomeClass homeClass = enumOf(node, "homeClass", path, HomeClass.class, true);
        int level = integer(node, "level", path + ".level", 1, LEVELS);
        InsuredType type = enumOf(node, "insuredType", path, InsuredType.class, true);
        JsonNode daily = node.get("daily");
        if (daily == null || !daily.isBoolean()) {
            fault(path + ".daily", "must be true or false");
            return null;
        }
        int visits = 0;
        int hours = 0;
        if (!daily.asBoolean()) {
            visits = integer(node, "minVisitsPerMonth", path + ".minVisitsPerMonth", 1, 31);
            hours = integer(node, "hoursPerMonth", path + ".hoursPerMonth", 0, 744);
        }
        PolicyStatus s = status(node, path + ".status");
        String article = text(node, "article", path + ".article");
        if (homeClass == null || type == null || s == null || article == null || level == 0) {
            return null;
        }
        return new VisitRule(homeClass, level, type, daily.asBoolean(), visits, hours, s, article);
    }

    /** One rule for each case the engine can meet, and no case with two. */
    private void checkCompleteness(List<Limit> limits, List<Ratio> ratios, List<VisitRule> visits) {
        Set<String> seen = new HashSet<>();
        for (Limit l : limits) {
            String key = l.category() + "/" + l.kind() + "/level " + l.level() + "/" + l.careForm() + "/"
                    + l.insuredType();
            if (!seen.add(key)) {
                fault("limits", "two limits for " + key);
            }
        }
        for (InsuredType type : InsuredType.values()) {
            for (int level = 1; level <= LEVELS; level++) {
                for (CareForm form : CareForm.values()) {
                    if (!has(limits, CostCategory.LIFE_CARE, LimitKind.ELIGIBLE_COST, level, form, type)) {
                        fault("limits", "no life-care limit for level " + level + ", " + form + ", " + type);
                    }
                    need(ratios, CostCategory.LIFE_CARE, form, level, type);
                    if (has(limits, CostCategory.MEDICAL_CARE, LimitKind.FUND_MAX, level, form, type)) {
                        need(ratios, CostCategory.MEDICAL_CARE, form, level, type);
                    }
                    if (has(limits, CostCategory.DEVICE, LimitKind.ELIGIBLE_COST, level, form, type)) {
                        need(ratios, CostCategory.DEVICE, form, level, type);
                    }
                }
                final int lv = level;
                long rules = visits.stream().filter(v -> v.level() == lv && v.insuredType() == type).count();
                if (rules != 1) {
                    fault("visitRules", rules + " rules for level " + level + ", " + type + " (one needed)");
                }
            }
        }
    }

    private static boolean has(List<Limit> limits, CostCategory category, LimitKind kind, int level, CareForm form,
                               InsuredType type) {
        return limits.stream().anyMatch(l -> l.category() == category && l.kind() == kind && l.level() == level
                && l.insuredType() == type && (l.careForm() == null || l.careForm() == form));
    }

    private void need(List<Ratio> ratios, CostCategory category, CareForm form, int level, InsuredType type) {
        long n = ratios.stream().filter(r -> r.category() == category && r.insuredType() == type
                && (r.careForm() == null || r.careForm() == form) && (r.level() == null || r.level() == level))
                .count();
        if (n != 1) {
            fault("ratios", n + " ratios for " + category + ", level " + level + ", " + form + ", " + type
                    + " (one needed)");
        }
    }

    private interface Each {
        void accept(JsonNode node, String path);
    }

    private void eachOf(JsonNode root, String field, Each each) {
        JsonNode array = root.get(field);
        if (array == null || !array.isArray()) {
            fault(field, "must be a list");
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                fault(field + "[" + i + "]", "must be an object");
            } else {
                each.accept(node, field + "[" + i + "]");
            }
        }
    }

    private @Nullable String text(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || !v.isString() || v.asString().isBlank()) {
            fault(path, "is missing");
            return null;
        }
        return v.asString();
    }

    private @Nullable LocalDate date(JsonNode node, String field, String path, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                fault(path, "is missing");
            }
            return null;
        }
        try {
            return LocalDate.parse(v.asString());
        } catch (RuntimeException e) {
            fault(path, "is not a date (yyyy-MM-dd)");
            return null;
        }
    }

    private long amount(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            fault(path, "must be a whole number of fen, 0 or more");
            return 0;
        }
        return v.asLong();
    }

    private int integer(JsonNode node, String field, String path, int min, int max) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            fault(path, "must be a whole number from " + min + " to " + max);
            return 0;
        }
        return v.asInt();
    }

    private <E extends Enum<E>> @Nullable E enumOf(JsonNode node, String field, String path, Class<E> type,
                                                   boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                fault(path + "." + field, "is missing");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, v.asString());
        } catch (IllegalArgumentException e) {
            fault(path + "." + field, "is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private @Nullable PolicyStatus status(JsonNode node, String path) {
        JsonNode v = node.get("status");
        try {
            return v == null ? fail(path) : PolicyStatus.valueOf(v.asString());
        } catch (IllegalArgumentException e) {
            return fail(path);
        }
    }

    private @Nullable PolicyStatus fail(String path) {
        fault(path, "must be one of " + java.util.Arrays.toString(PolicyStatus.values()));
        return null;
    }

    private void fault(String path, String what) {
        faults.add(path + " " + what);
    }

    /** A policy file that cannot be used; the message names the file and every fault. */
    public static final class InvalidLtcPolicy extends IllegalStateException {
        private final List<String> faults;

        InvalidLtcPolicy(String source, List<String> faults) {
            super("LTC policy file " + source + " cannot be used: " + String.join("; ", faults));
            this.faults = List.copyOf(faults);
        }

        public List<String> faults() {
            return faults;
        }
    }
}
