package org.yiyang.assessment.internal;

/** A.1.3 评估原因. */
public enum AssessmentReason {
    /** 首次评估. */
    FIRST,
    /** 常规评估. */
    ROUTINE,
    /** 即时评估. */
    IMMEDIATE,
    /** 因对评估结果有疑问进行的复评. */
    REVIEW,
    /** 其他. */
    OTHER
}
