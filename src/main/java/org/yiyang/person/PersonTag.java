package org.yiyang.person;

/** Person tags (人员类别) that eligibility rules read, each held over a period. Names are in the message bundles. */
public enum PersonTag {
    /** 特困人员（分散供养） */
    TEKUN_SCATTERED,
    /** 特困人员（集中供养） */
    TEKUN_CENTRAL,
    /** 低保对象 */
    DIBAO,
    /** 低保边缘家庭 */
    DIBAO_EDGE,
    /** 优抚对象 */
    YOUFU,
    /** 计划生育特殊家庭 */
    JISHENG_SPECIAL,
    /** 劳动模范 */
    LAOMO,
    /** 重度残疾 */
    SEVERELY_DISABLED,
    /** 失智: cognitive impairment or dementia diagnosed by a specialist of a grade-II-or-higher hospital */
    DEMENTIA,
    /** 孤寡老人: no spouse and no children */
    WIDOWED_CHILDLESS,
    /** 空巢老年人: does not live with children or family, who are not in the same street or town */
    EMPTY_NEST,
    /** 农村留守老年人 */
    RURAL_LEFT_BEHIND
}
