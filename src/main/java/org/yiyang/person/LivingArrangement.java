package org.yiyang.person;

/** How an elder lives (居住状况). Codes are API values; names are in the message bundles. */
public enum LivingArrangement {
    /** 独居 */
    ALONE,
    /** 仅与重度残疾子女同住 */
    ONLY_WITH_SEVERELY_DISABLED_CHILD,
    /** 纯老家庭 */
    PURE_ELDERLY_HOUSEHOLD,
    /** 与子女或其他家人同住 */
    WITH_FAMILY,
    /** 入住养老机构 */
    IN_INSTITUTION
}
