package org.yiyang.application.internal;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.yiyang.shared.WorkingDayCalendar;

/**
 * The due dates of the application process, counted with the working-day calendar (the count starts on the first
 * working day after the triggering event) and the periods of {@link ApplicationRules}.
 */
@Component
public class Deadlines {
    private final WorkingDayCalendar calendar;
    private final ApplicationRules rules;

    public Deadlines(WorkingDayCalendar calendar, ApplicationRules rules) {
        this.calendar = calendar;
        this.rules = rules;
    }

    /** 初核: within 5 working days of the submission. */
    public WorkingDayCalendar.Deadline firstCheck(LocalDate submittedOn) {
        return calendar.deadline(submittedOn, rules.period("firstCheckWorkingDays").value());
    }

    /** 资格核实: within 5 working days of receiving the assessment conclusion. */
    public WorkingDayCalendar.Deadline verification(LocalDate assessmentReceivedOn) {
        return calendar.deadline(assessmentReceivedOn, rules.period("verificationWorkingDays").value());
    }

    /** 复核: decided within 15 working days of receiving the request. */
    public WorkingDayCalendar.Deadline reviewDecision(LocalDate requestedOn) {
        return calendar.deadline(requestedOn, rules.period("reviewDecisionWorkingDays").value());
    }

    /** The last day the applicant may ask for a review (calendar days after the notice). */
    public LocalDate reviewWindowEnd(LocalDate noticeOn) {
        return noticeOn.plusDays(rules.period("reviewRequestDays").value());
    }

    /** The last day for an administrative review (行政复议) of the decision. */
    public LocalDate administrativeReviewEnd(LocalDate noticeOn) {
        return noticeOn.plusDays(rules.period("administrativeReviewDays").value());
    }

    /** The last day for an administrative lawsuit (行政诉讼) against the decision. */
    public LocalDate litigationEnd(LocalDate noticeOn) {
        return noticeOn.plusMonths(rules.period("litigationMonths").value());
    }
}
