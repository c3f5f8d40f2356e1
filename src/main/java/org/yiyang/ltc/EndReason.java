package org.yiyang.ltc;

/** Why a benefit ends (第十九条): death, improvement found at reassessment, expiry of the result, end of the agreement. */
public enum EndReason {
    DEATH,
    IMPROVEMENT,
    EXPIRY,
    AGREEMENT_ENDED
}
