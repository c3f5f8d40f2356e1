package org.yiyang.ltc;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * One beneficiary-month as the engine sees it: who (insurance type, group, level), how cared for, and the month's
 * costs in fen. The calculator builds it from a request; a settlement run will build it from recorded services.
 *
 * @param level               LTC level 1–3; for {@link BenefitGroup#CONTINUING} the policy's continuing-care level
 *                            applies instead
 * @param dailyLifeCareFen    life-care cost of each day of service (for home care: each day with a visit)
 * @param dailyBedFeeFen      institution bed fee (床位费) of the same days, or empty
 * @param medicalCareFen      medical-nursing cost including consumables
 * @param medicalConsumablesFen the consumables (护理耗材) part of {@code medicalCareFen}
 * @param visits              home visits in the month (B类, C类)
 * @param visitMinutes        minutes of home service in the month (B类, C类)
 * @param monthsUsedInValidity months of home life care already paid in the current validity period of the assessment
 */
public record MonthCase(InsuredType insuredType, BenefitGroup group, int level, CareForm careForm, YearMonth month,
                        List<Long> dailyLifeCareFen, List<Long> dailyBedFeeFen, long medicalCareFen,
                        long medicalConsumablesFen, long deviceFen, int visits, int visitMinutes,
                        int monthsUsedInValidity) {

    public MonthCase {
        Objects.requireNonNull(insuredType);
        Objects.requireNonNull(group);
        Objects.requireNonNull(careForm);
        Objects.requireNonNull(month);
        dailyLifeCareFen = List.copyOf(dailyLifeCareFen);
        dailyBedFeeFen = List.copyOf(dailyBedFeeFen);
        if (group == BenefitGroup.LONG_TERM && (level < 1 || level > 3)) {
            throw new IllegalArgumentException("LTC level must be 1-3");
        }
        if (dailyLifeCareFen.size() > month.lengthOfMonth()) {
            throw new IllegalArgumentException("more days of service than the month has");
        }
        if (!dailyBedFeeFen.isEmpty() && dailyBedFeeFen.size() != dailyLifeCareFen.size()) {
            throw new IllegalArgumentException("bed fees must be given for the same days as life care");
        }
        if (!dailyBedFeeFen.isEmpty() && careForm != CareForm.INSTITUTION) {
            throw new IllegalArgumentException("bed fees belong to institution care");
        }
        if (dailyLifeCareFen.stream().anyMatch(v -> v < 0) || dailyBedFeeFen.stream().anyMatch(v -> v < 0)
                || medicalCareFen < 0 || medicalConsumablesFen < 0 || deviceFen < 0) {
            throw new IllegalArgumentException("costs cannot be negative");
        }
        if (medicalConsumablesFen > medicalCareFen) {
            throw new IllegalArgumentException("consumables are part of the medical-nursing cost");
        }
        if (visits < 0 || visitMinutes < 0 || monthsUsedInValidity < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** The level whose limits apply: the continuing-care level for 延续失能人员. */
    public int effectiveLevel(LtcPolicy policy) {
        return group == BenefitGroup.CONTINUING ? policy.continuingCareLevel() : level;
    }

    public int daysOfService() {
        return dailyLifeCareFen.size();
    }

    public long totalCostFen() {
        long total = Math.addExact(medicalCareFen, deviceFen);
        for (long v : dailyLifeCareFen) {
            total = Math.addExact(total, v);
        }
        for (long v : dailyBedFeeFen) {
            total = Math.addExact(total, v);
        }
        return total;
    }
}
