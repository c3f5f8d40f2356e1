package org.yiyang.ltc;

/** 元/人/天, 元/人/月, or months per validity period of the assessment result. */
public enum LimitPeriod {
    DAY,
    MONTH,
    VALIDITY_PERIOD
}
