package org.yiyang.ltc;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yiyang.ltc.LtcPolicy.Limit;
import org.yiyang.ltc.LtcPolicy.Ratio;
import org.yiyang.ltc.LtcPolicy.SubLimitKind;
import org.yiyang.ltc.LtcPolicy.VisitRule;
import org.yiyang.shared.Money;

/**
 * Settles one beneficiary-month under one policy version (穗医保规字〔2024〕1号 第十三–十七条; spec §9). Pure: no
 * Spring, no I/O, no amounts of its own. The calculator endpoint and settlement runs both call this one engine.
 *
 * <p>Rules as the spec words them: life care and device use — eligible-cost limit first, then the ratio; medical
 * nursing — ratio first, then clipped to the fund maximum, the consumables part also to its own sub-maximum; daily
 * limits day by day, monthly limits per month; home life care is not paid when the month's visit minimum is missed
 * or the duration limit is used up. Whatever the fund does not pay is the insured person's share.
 *
 * <p>Readings chosen where the text is silent are marked "Reading:" below and reported as warnings.
 */
public final class LtcSettlementEngine {

    public MonthSettlement settle(LtcPolicy policy, MonthCase month) {
        List<Finding> warnings = new ArrayList<>();
        int level = month.effectiveLevel(policy);
        if (month.group() == BenefitGroup.CONTINUING) {
            warnings.add(Finding.of("CONTINUING_CARE_AT_LEVEL", level));
        }
        policy.localDefault(LtcPolicy.ROUNDING).ifPresent(d -> warnings.add(Finding.of("ROUNDING_LOCAL_DEFAULT",
                d.value())));
        List<SettlementLine> lines = new ArrayList<>();
        lines.add(lifeCare(policy, month, level, warnings));
        lines.addAll(medical(policy, month, level, warnings));
        lines.add(device(policy, month, level));
        long fund = 0;
        for (SettlementLine line : lines) {
            fund = Math.addExact(fund, line.fundPayFen());
        }
        return new MonthSettlement(policy.id(), policy.version().docNo(), month.month(), month.totalCostFen(), fund,
                lines, warnings);
    }

    private SettlementLine lifeCare(LtcPolicy policy, MonthCase month, int level, List<Finding> warnings) {
        Limit limit = required(policy.lifeCareLimit(level, month.careForm(), month.insuredType()).orElse(null),
                "life-care limit", policy);
        Ratio ratio = required(policy.ratio(CostCategory.LIFE_CARE, month.careForm(), level, month.insuredType())
                .orElse(null), "life-care ratio", policy);
        long cost = 0;
        for (long v : month.dailyLifeCareFen()) {
            cost = Math.addExact(cost, v);
        }
        for (long v : month.dailyBedFeeFen()) {
            cost = Math.addExact(cost, v);
        }
        long eligible = 0;
        Long dailyLimit = null;
        long limitFen;
        Finding note = null;
        if (limit.period() == LimitPeriod.DAY) {
            // Reading: the 床位费 is part of the institution's life-care cost (第七条(一)) and enters the daily limit;
            // where a bed-fee sub-limit is written (employee, level 3: 35 元 of the 120 元) only that much of the bed
            // fee counts toward the day. Elsewhere the bed fee counts in full within the day's limit.
            long bedCap = limit.subLimit() != null && limit.subLimit().what() == SubLimitKind.BED_FEE
                    ? limit.subLimit().amountFen() : Long.MAX_VALUE;
            boolean dayCapped = false;
            boolean bedCapped = false;
            for (int d = 0; d < month.daysOfService(); d++) {
                long bed = month.dailyBedFeeFen().isEmpty() ? 0 : month.dailyBedFeeFen().get(d);
                long bedEligible = Math.min(bed, bedCap);
                bedCapped |= bedEligible < bed;
                long day = Math.addExact(month.dailyLifeCareFen().get(d), bedEligible);
                long dayEligible = Math.min(day, limit.amountFen());
                dayCapped |= dayEligible < day;
                eligible = Math.addExact(eligible, dayEligible);
            }
            dailyLimit = limit.amountFen();
            limitFen = Math.multiplyExact(limit.amountFen(), (long) month.daysOfService());
            if (bedCapped) {
                note = Finding.of("BED_FEE_SUB_LIMIT", Money.ofFen(limit.subLimit().amountFen()), limit.article());
            } else if (dayCapped) {
                note = Finding.of("DAILY_LIMIT", Money.ofFen(limit.amountFen()), limit.article());
            }
        } else {
            // Reading: a monthly limit includes any bed fee (level-1 institution care) and is not prorated for a
            // part month (ltc.monthlyLimit.proration = NONE, a local default).
            eligible = Math.min(cost, limit.amountFen());
            limitFen = limit.amountFen();
            if (eligible < cost) {
                note = Finding.of("MONTHLY_LIMIT", Money.ofFen(limit.amountFen()), limit.article());
            }
        }
        if (month.careForm() == CareForm.HOME && cost > 0) {
            Finding refusal = homeCareRefusal(policy, month, level, warnings);
            if (refusal != null) {
                eligible = 0;
                note = refusal;
            }
        }
        long fund = Money.ofFen(eligible).share(ratio.basisPoints(), policy.rounding()).fen();
        return new SettlementLine(CostCategory.LIFE_CARE, cost, eligible, dailyLimit, limitFen,
                LimitKind.ELIGIBLE_COST, ratio.basisPoints(), fund, note, policy.id());
    }

    /** Why home life care is not paid this month (duration used up, visit minimum missed), or null. */
    private @Nullable Finding homeCareRefusal(LtcPolicy policy, MonthCase month, int level, List<Finding> warnings) {
        var duration = policy.durationLimit(level, CareForm.HOME, month.insuredType());
        if (duration.isPresent()) {
            // Reading: monthsUsedInValidity counts calendar months with a payment before this one
            // (ltc.duration.countUnit = CALENDAR_MONTH_WITH_PAYMENT); the limit is reached once it equals the months.
            warnings.add(Finding.of("DURATION_COUNT_LOCAL_DEFAULT", duration.get().months()));
            if (month.monthsUsedInValidity() >= duration.get().months()) {
                return Finding.of("DURATION_LIMIT_REACHED", duration.get().months(), duration.get().article());
            }
        }
        VisitRule rule = required(policy.visitRule(level, month.insuredType()).orElse(null), "visit rule", policy);
        if (rule.daily()) {
            // Reading (ltc.home.classA.paidDays = DAYS_WITH_VISIT): each day given is a day with a visit; days
            // without a visit are simply not listed and not paid.
            warnings.add(Finding.of("CLASS_A_DAYS_WITH_VISIT"));
            return null;
        }
        boolean hoursAreMinimum = policy.localDefault("ltc.home.hoursAreMinimum")
                .map(d -> Boolean.parseBoolean(d.value())).orElse(true);
        boolean visitsMet = month.visits() >= rule.minVisitsPerMonth();
        boolean hoursMet = !hoursAreMinimum || month.visitMinutes() >= rule.minMinutesPerMonth();
        if (hoursAreMinimum) {
            warnings.add(Finding.of("HOURS_ARE_MINIMUM", rule.hoursPerMonth()));
        }
        if (visitsMet && hoursMet) {
            return null;
        }
        // Reading (ltc.home.shortfallScope = MONTH_LIFE_CARE): a missed minimum leaves the whole month's home life
        // care unpaid; medical nursing and device use are not home life care and stay payable.
        warnings.add(Finding.of("SHORTFALL_SCOPE_LIFE_CARE"));
        return Finding.of("VISIT_MINIMUM_NOT_MET", rule.homeClass().name(), rule.minVisitsPerMonth(),
                rule.hoursPerMonth(), rule.article());
    }

    private List<SettlementLine> medical(LtcPolicy policy, MonthCase month, int level, List<Finding> warnings) {
        long consumables = month.medicalConsumablesFen();
        long care = month.medicalCareFen() - consumables;
        var maximum = policy.medicalFundMaximum(level, month.insuredType());
        if (maximum.isEmpty()) {
            // 第十二条: medical nursing only at levels 2 and 3 — a zero line, not an error.
            Finding note = Finding.of("MEDICAL_CARE_NOT_AT_LEVEL", level);
            return List.of(
                    new SettlementLine(CostCategory.MEDICAL_CARE, care, 0, null, null, null, 0, 0, note, policy.id()),
                    new SettlementLine(CostCategory.MEDICAL_CONSUMABLES, consumables, 0, null, null, null, 0, 0, note,
                            policy.id()));
        }
        Limit max = maximum.get();
        Ratio ratio = required(policy.ratio(CostCategory.MEDICAL_CARE, month.careForm(), level, month.insuredType())
                .orElse(null), "medical-nursing ratio", policy);
        RoundingMode rounding = policy.rounding();
        long subMax = max.subLimit() != null && max.subLimit().what() == SubLimitKind.CONSUMABLES
                ? max.subLimit().amountFen() : max.amountFen();
        // Ratio first, then clip (基金最高支付限额). Reading (ltc.medical.consumablesAllocation = CONSUMABLES_FIRST):
        // consumables take their share of the overall maximum first; the total is the same in either order.
        long consumablesRaw = Money.ofFen(consumables).share(ratio.basisPoints(), rounding).fen();
        long consumablesFund = Math.min(consumablesRaw, Math.min(subMax, max.amountFen()));
        long careRaw = Money.ofFen(care).share(ratio.basisPoints(), rounding).fen();
        long left = max.amountFen() - consumablesFund;
        long careFund = Math.min(careRaw, left);
        if (month.medicalCareFen() > 0 && month.group() == BenefitGroup.LONG_TERM) {
            warnings.add(Finding.of("MEDICAL_CARE_CONDITIONS_ASSUMED"));
        }
        if (consumables > 0 && careRaw > left) {
            warnings.add(Finding.of("CONSUMABLES_FIRST_LOCAL_DEFAULT"));
        }
        Finding careNote = careRaw > left ? Finding.of("FUND_MAXIMUM", Money.ofFen(max.amountFen()), max.article()) : null;
        Finding consumablesNote = consumablesRaw > consumablesFund
                ? Finding.of("CONSUMABLES_SUB_MAXIMUM", Money.ofFen(subMax), max.article()) : null;
        return List.of(
                new SettlementLine(CostCategory.MEDICAL_CARE, care, care, null, max.amountFen(), LimitKind.FUND_MAX,
                        ratio.basisPoints(), careFund, careNote, policy.id()),
                new SettlementLine(CostCategory.MEDICAL_CONSUMABLES, consumables, consumables, null, subMax,
                        LimitKind.FUND_MAX, ratio.basisPoints(), consumablesFund, consumablesNote, policy.id()));
    }

    private SettlementLine device(LtcPolicy policy, MonthCase month, int level) {
        long cost = month.deviceFen();
        var limit = policy.deviceLimit(level, month.careForm(), month.insuredType());
        if (limit.isEmpty()) {
            // 第十条: device users do not live in a 定点护理机构 — a zero line, not an error.
            return new SettlementLine(CostCategory.DEVICE, cost, 0, null, null, null, 0, 0,
                    Finding.of("DEVICE_NOT_IN_INSTITUTION"), policy.id());
        }
        Ratio ratio = required(policy.ratio(CostCategory.DEVICE, month.careForm(), level, month.insuredType())
                .orElse(null), "device ratio", policy);
        long eligible = Math.min(cost, limit.get().amountFen());
        long fund = Money.ofFen(eligible).share(ratio.basisPoints(), policy.rounding()).fen();
        Finding note = eligible < cost ? Finding.of("MONTHLY_LIMIT", Money.ofFen(limit.get().amountFen()), limit.get().article())
                : null;
        return new SettlementLine(CostCategory.DEVICE, cost, eligible, null, limit.get().amountFen(),
                LimitKind.ELIGIBLE_COST, ratio.basisPoints(), fund, note, policy.id());
    }

    private static <T> T required(@Nullable T value, String what, LtcPolicy policy) {
        if (value == null) {
            // the loader checks completeness, so this means a policy built by hand is incomplete
            throw new IllegalStateException("policy " + policy.id() + " has no " + what + " for this case");
        }
        return value;
    }
}
