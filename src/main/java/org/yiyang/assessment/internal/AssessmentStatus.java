package org.yiyang.assessment.internal;

/** Where an assessment stands in the workflow. */
public enum AssessmentStatus {
    REQUESTED, ASSIGNED, DRAFT, SUBMITTED, EFFECTIVE, SUPERSEDED, EXPIRED
}
