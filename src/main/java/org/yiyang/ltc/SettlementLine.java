package org.yiyang.ltc;

import org.jspecify.annotations.Nullable;

/**
 * One category of one beneficiary-month.
 *
 * @param costFen         what was charged
 * @param eligibleCostFen what entered the fund calculation (0 when the category is not payable this month)
 * @param dailyLimitFen   the daily eligible-cost limit, for daily limits only
 * @param limitFen        the month's limit: eligible-cost limit (daily limit × days for daily limits) or fund maximum
 * @param limitKind       which kind {@code limitFen} is
 * @param ratioBp         the fund payment ratio in basis points
 * @param note            why the line is limited or zero, if it is
 * @param policyId        the policy version used
 */
public record SettlementLine(CostCategory category, long costFen, long eligibleCostFen, @Nullable Long dailyLimitFen,
                             @Nullable Long limitFen, @Nullable LimitKind limitKind, int ratioBp, long fundPayFen,
                             @Nullable Finding note, String policyId) {

    public long selfPayFen() {
        return costFen - fundPayFen;
    }
}
