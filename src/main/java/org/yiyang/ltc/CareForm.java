package org.yiyang.ltc;

/** 第十三条: 机构护理 or 居家护理. */
public enum CareForm {
    INSTITUTION,
    HOME
}
