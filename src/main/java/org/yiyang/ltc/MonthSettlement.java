package org.yiyang.ltc;

import java.time.YearMonth;
import java.util.List;

/** The settlement of one beneficiary-month: per-category lines, the fund's and the insured person's shares. */
public record MonthSettlement(String policyId, String policyDocNo, YearMonth month, long totalCostFen,
                              long fundPayFen, List<SettlementLine> lines, List<Finding> warnings) {

    public MonthSettlement {
        lines = List.copyOf(lines);
        warnings = List.copyOf(warnings);
    }

    /** 个人负担部分: total cost minus what the fund pays. */
    public long selfPayFen() {
        return totalCostFen - fundPayFen;
    }
}
