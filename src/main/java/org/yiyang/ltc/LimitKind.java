package org.yiyang.ltc;

/** §7 of the spec: an eligible-cost limit caps what enters the calculation; a fund maximum caps what the fund pays. */
public enum LimitKind {
    ELIGIBLE_COST,
    FUND_MAX,
    DURATION
}
