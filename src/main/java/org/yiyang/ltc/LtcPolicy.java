package org.yiyang.ltc;

import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.yiyang.shared.PolicyVersion;
import org.yiyang.shared.PolicyVersion.PolicyStatus;

/**
 * One version of the city's LTC measures as data (spec §13): limits, payment ratios, home-visit rules, assessment fees
 * and the local defaults for what the text does not settle. Loaded from {@code policy/<city>/ltc/*.json}; the engine
 * reads it and contains no amounts of its own.
 *
 * @param id                   stable id recorded on every settlement line, e.g. {@code GZ-LTC-2024-1}
 * @param continuingCareLevel  the level whose limits and home class apply to 延续失能人员 (第十三、十四条: level 3)
 * @param benefitRules         who may be recorded as a beneficiary, and for how long (第十条)
 */
public record LtcPolicy(String id, String title, PolicyVersion version, int continuingCareLevel, List<Limit> limits,
                        List<Ratio> ratios, List<VisitRule> visitRules, List<AssessmentFee> assessmentFees,
                        Map<String, LocalDefault> localDefaults, RoundingMode rounding, BenefitRules benefitRules) {

    public static final String ROUNDING = "ltc.rounding";

    public LtcPolicy {
        Objects.requireNonNull(id);
        Objects.requireNonNull(version);
        limits = List.copyOf(limits);
        ratios = List.copyOf(ratios);
        visitRules = List.copyOf(visitRules);
        assessmentFees = List.copyOf(assessmentFees);
        localDefaults = Map.copyOf(localDefaults);
        Objects.requireNonNull(rounding);
        Objects.requireNonNull(benefitRules);
    }

    /** The life-care eligible-cost limit (daily or monthly) for a level, care form and insurance type. */
    public Optional<Limit> lifeCareLimit(int level, CareForm form, InsuredType type) {
        return find(CostCategory.LIFE_CARE, LimitKind.ELIGIBLE_COST, level, form, type);
    }

    /** The duration limit of home life care (levels 1 and 2), if any. */
    public Optional<Limit> durationLimit(int level, CareForm form, InsuredType type) {
        return find(CostCategory.LIFE_CARE, LimitKind.DURATION, level, form, type);
    }

    /** The medical-nursing fund maximum with its consumables sub-maximum; absent where the level has no benefit. */
    public Optional<Limit> medicalFundMaximum(int level, InsuredType type) {
        return find(CostCategory.MEDICAL_CARE, LimitKind.FUND_MAX, level, null, type);
    }

    /** The device-use eligible-cost limit; absent for a care form that cannot receive it. */
    public Optional<Limit> deviceLimit(int level, CareForm form, InsuredType type) {
        return find(CostCategory.DEVICE, LimitKind.ELIGIBLE_COST, level, form, type);
    }

    public Optional<Ratio> ratio(CostCategory category, CareForm form, int level, InsuredType type) {
        return ratios.stream().filter(r -> r.category() == category && r.insuredType() == type
                && (r.careForm() == null || r.careForm() == form) && (r.level() == null || r.level() == level))
                .findFirst();
    }

    public Optional<VisitRule> visitRule(int level, InsuredType type) {
        return visitRules.stream().filter(v -> v.level() == level && v.insuredType() == type).findFirst();
    }

    public Optional<LocalDefault> localDefault(String key) {
        return Optional.ofNullable(localDefaults.get(key));
    }

    private Optional<Limit> find(CostCategory category, LimitKind kind, int level, @Nullable CareForm form,
                                 InsuredType type) {
        return limits.stream().filter(l -> l.category() == category && l.kind() == kind && l.level() == level
                && l.insuredType() == type && (l.careForm() == null || l.careForm() == form)).findFirst();
    }

    /**
     * One limit. {@code careForm} null means either form. {@code amountFen} for money limits, {@code months} for
     * duration limits; a sub-limit is the 床位费 part of a daily limit or the 护理耗材 part of a fund maximum.
     */
    public record Limit(CostCategory category, int level, @Nullable CareForm careForm, InsuredType insuredType,
                        LimitKind kind, LimitPeriod period, long amountFen, int months, @Nullable SubLimit subLimit,
                        PolicyStatus status, String article) {
    }

    public record SubLimit(SubLimitKind what, long amountFen) {
    }

    public enum SubLimitKind {
        BED_FEE,
        CONSUMABLES
    }

    /** A payment ratio; {@code careForm} null = any form (device ratios), {@code level} null = any level. */
    public record Ratio(CostCategory category, @Nullable CareForm careForm, @Nullable Integer level,
                        InsuredType insuredType, int basisPoints, PolicyStatus status, String article) {
    }

    /** Minimum home visits for a class: daily, or visits and hours per month. */
    public record VisitRule(HomeClass homeClass, int level, InsuredType insuredType, boolean daily,
                            int minVisitsPerMonth, int hoursPerMonth, PolicyStatus status, String article) {
        public int minMinutesPerMonth() {
            return Math.multiplyExact(hoursPerMonth, 60);
        }
    }

    public record AssessmentFee(String assessment, String outcome, long feeFen, int fundShareBp,
                                int applicantShareBp, PolicyStatus status, String article) {
    }

    /**
     * The conditions of 第十条 that a beneficiary record can check: long-term disability lasting more than
     * {@code longTermMinDisabilityMonths}; continuing care (延续失能人员) for {@code continuingMinMonths} to
     * {@code continuingMaxMonths} months, at most {@code continuingTimesPerYear} times a year.
     */
    public record BenefitRules(int longTermMinDisabilityMonths, int continuingMinMonths, int continuingMaxMonths,
                               int continuingTimesPerYear, PolicyStatus status, String article) {
    }

    /** A value the text does not settle (spec §6.3, §9.2): always {@code LOCAL_DEFAULT}, shown as such. */
    public record LocalDefault(String key, String value, PolicyStatus status) {
    }
}
