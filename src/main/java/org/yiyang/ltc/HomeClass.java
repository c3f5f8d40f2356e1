package org.yiyang.ltc;

/** Home life-care classes of 第十三条: A (level 3 and continuing care), B (level 2), C (level 1). */
public enum HomeClass {
    A,
    B,
    C
}
