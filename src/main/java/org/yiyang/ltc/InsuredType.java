package org.yiyang.ltc;

/** The insurance type at the time of benefit (第四条, 第九条): 职工 or 居民. */
public enum InsuredType {
    /** 职工参保人员 */
    EMPLOYEE,
    /** 居民参保人员 */
    RESIDENT
}
