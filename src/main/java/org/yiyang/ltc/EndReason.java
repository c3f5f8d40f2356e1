package org.yiyang.ltc;

/**
 * Why a benefit ends (第十九条): death, improvement found at reassessment, expiry of the result, end of the agreement;
 * for continuing care (延续失能人员) also a new hospital admission during the benefit period.
 */
public enum EndReason {
    DEATH,
    IMPROVEMENT,
    EXPIRY,
    AGREEMENT_ENDED,
    HOSPITAL_ADMISSION
}
