package org.yiyang.ltc;

/** A caregiver's qualification: 护理员 (carer) or 护士 (nurse). A nurse may also give the items a carer may give. */
public enum Qualification {
    CARER,
    NURSE
}
