package org.yiyang.ltc.internal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.yiyang.ltc.BenefitGroup;
import org.yiyang.ltc.CareForm;
import org.yiyang.ltc.Finding;
import org.yiyang.ltc.LtcPolicies;
import org.yiyang.ltc.LtcPolicy;
import org.yiyang.ltc.LtcSettlementEngine;
import org.yiyang.ltc.MonthCase;
import org.yiyang.ltc.MonthSettlement;
import org.yiyang.shared.InvalidInput;

/**
 * The stateless calculator: checks a month given inline, turns it into a {@link MonthCase} and settles it with the
 * one {@link LtcSettlementEngine} that settlement runs use. Stores nothing.
 */
@Service
class LtcCalculator {
    /** 1,000,000 元 per value: far above any real monthly cost, low enough that no sum can overflow. */
    static final long MAX_AMOUNT_FEN = 100_000_000L;

    private final LtcPolicies policies;
    private final LtcSettlementEngine engine;

    LtcCalculator(LtcPolicies policies, LtcSettlementEngine engine) {
        this.policies = policies;
        this.engine = engine;
    }

    MonthSettlement calculate(CalculationRequest r) {
        var problems = new InvalidInput.Collector();
        if (r.insuredType() == null) {
            problems.add("insuredType", "REQUIRED");
        }
        if (r.careForm() == null) {
            problems.add("careForm", "REQUIRED");
        }
        BenefitGroup group = r.group() == null ? BenefitGroup.LONG_TERM : r.group();
        Integer level = r.ltcLevel();
        if (level == null && group == BenefitGroup.LONG_TERM) {
            problems.add("ltcLevel", "REQUIRED");
        } else if (level != null && (level < 1 || level > 3)) {
            problems.add("ltcLevel", "LTC_LEVEL_RANGE");
        }
        YearMonth month = null;
        LtcPolicy policy = null;
        if (r.month() == null || r.month().isBlank()) {
            problems.add("month", "REQUIRED");
        } else {
            try {
                month = YearMonth.parse(r.month());
                policy = policies.forMonth(month).orElse(null);
                if (policy == null) {
                    problems.add("month", "LTC_NO_POLICY_FOR_MONTH");
                }
            } catch (DateTimeParseException e) {
                problems.add("month", "LTC_MONTH_FORMAT");
            }
        }
        List<Long> life = amounts("dailyLifeCareCostFen", r.dailyLifeCareCostFen(), problems);
        List<Long> bed = amounts("dailyBedFeeFen", r.dailyBedFeeFen(), problems);
        if (month != null && life.size() > month.lengthOfMonth()) {
            problems.add("dailyLifeCareCostFen", "LTC_TOO_MANY_DAYS", month.lengthOfMonth());
        }
        if (!bed.isEmpty() && r.careForm() == CareForm.HOME) {
            problems.add("dailyBedFeeFen", "LTC_BED_FEE_INSTITUTION_ONLY");
        } else if (!bed.isEmpty() && bed.size() != life.size()) {
            problems.add("dailyBedFeeFen", "LTC_BED_FEE_DAYS");
        }
        long medical = amount("medicalCareCostFen", r.medicalCareCostFen(), problems);
        long consumables = amount("medicalConsumablesFen", r.medicalConsumablesFen(), problems);
        Long rawMedical = r.medicalCareCostFen();
        Long rawConsumables = r.medicalConsumablesFen();
        if (rawConsumables != null && rawConsumables >= 0 && rawConsumables <= MAX_AMOUNT_FEN
                && (rawMedical == null || rawMedical >= 0 && rawMedical <= MAX_AMOUNT_FEN)
                && rawConsumables > (rawMedical == null ? 0 : rawMedical)) {
            problems.add("medicalConsumablesFen", "LTC_CONSUMABLES_ABOVE_MEDICAL");
        }
        long device = amount("deviceCostFen", r.deviceCostFen(), problems);
        // Home life care at levels 1 and 2 (B类, C类) cannot be settled without the month's visits, minutes and
        // the months already used in the validity period.
        boolean visitClass = r.careForm() == CareForm.HOME && group == BenefitGroup.LONG_TERM && level != null
                && level < 3 && level >= 1 && life.stream().anyMatch(v -> v > 0);
        int visits = count("visits", r.visits(), visitClass, problems);
        int minutes = count("visitMinutes", r.visitMinutes(), visitClass, problems);
        int used = count("monthsUsedInValidity", r.monthsUsedInValidity(), visitClass, problems);
        problems.throwIfAny();
        var monthCase = new MonthCase(r.insuredType(), group, level == null ? 0 : level, r.careForm(), month, life,
                bed, medical, consumables, device, visits, minutes, used);
        MonthSettlement settled = engine.settle(policy, monthCase);
        if (!LtcPolicies.coversWholeMonth(policy, month)) {
            List<Finding> warnings = new ArrayList<>(settled.warnings());
            warnings.add(Finding.of("POLICY_COVERS_PART_OF_MONTH", policy.version().effectiveFrom().toString(),
                    String.valueOf(policy.version().effectiveTo())));
            settled = new MonthSettlement(settled.policyId(), settled.policyDocNo(), settled.month(),
                    settled.totalCostFen(), settled.fundPayFen(), settled.lines(), warnings);
        }
        return settled;
    }

    private static List<Long> amounts(String field, @Nullable List<@Nullable Long> values,
                                      InvalidInput.Collector problems) {
        if (values == null) {
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(amount(field + "[" + i + "]", values.get(i), true, problems));
        }
        return out;
    }

    private static long amount(String field, @Nullable Long value, InvalidInput.Collector problems) {
        return amount(field, value, false, problems);
    }

    private static long amount(String field, @Nullable Long value, boolean required, InvalidInput.Collector problems) {
        if (value == null) {
            if (required) {
                problems.add(field, "REQUIRED");
            }
            return 0;
        }
        if (value < 0) {
            problems.add(field, "LTC_NEGATIVE_AMOUNT");
            return -1;
        }
        if (value > MAX_AMOUNT_FEN) {
            problems.add(field, "LTC_AMOUNT_TOO_LARGE");
            return 0;
        }
        return value;
    }

    private static int count(String field, @Nullable Integer value, boolean required,
                             InvalidInput.Collector problems) {
        if (value == null) {
            if (required) {
                problems.add(field, "REQUIRED");
            }
            return 0;
        }
        if (value < 0) {
            problems.add(field, "LTC_NEGATIVE_COUNT");
            return 0;
        }
        return value;
    }
}
