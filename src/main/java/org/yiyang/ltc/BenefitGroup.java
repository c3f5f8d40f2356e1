package org.yiyang.ltc;

/** The benefit groups that receive care (第十条); device users are one of these groups living at home. */
public enum BenefitGroup {
    /** 长期失能人员, LTC levels 1–3 */
    LONG_TERM,
    /** 延续失能人员: limits as for level 3, home care as A类 */
    CONTINUING
}
