package org.yiyang.ltc;

/** 定点护理机构 (care: institution and home care) or 定点设备机构 (device use), 第二十一条. */
public enum DesignationKind {
    CARE,
    DEVICE
}
