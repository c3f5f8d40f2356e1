package org.yiyang.application.internal;

/** Where an application stands; each open status is a step with its own due date. */
public enum ApplicationStatus {
    /** 街镇初核: 5 working days from submission. */
    FIRST_CHECK,
    /** The shared care-needs assessment is under way; no deadline of this process runs. */
    WAITING_FOR_ASSESSMENT,
    /** 区资格核实: 5 working days from receiving the assessment conclusion. */
    VERIFICATION,
    /** The decision per item, due with the verification. */
    DECISION,
    /** Decided and notified; the applicant may ask for a review within the window. */
    DECIDED,
    /** 复核: decided within 15 working days of the request. */
    UNDER_REVIEW,
    /** The review is decided; final within this process. */
    REVIEWED;

    boolean open() {
        return this != DECIDED && this != REVIEWED;
    }
}
