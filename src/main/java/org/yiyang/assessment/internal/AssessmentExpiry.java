package org.yiyang.assessment.internal;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yiyang.shared.BusinessZone;

/**
 * Daily: results past their last valid day expire ({@code AssessmentExpired} for each), and results ending within the
 * notice period get a routine reassessment request.
 */
@Component
class AssessmentExpiry {
    private final Assessments assessments;
    private final Clock clock;

    AssessmentExpiry(Assessments assessments, Clock clock) {
        this.assessments = assessments;
        this.clock = clock;
    }

    @Scheduled(cron = "${yiyang.assessment.expiry-cron:0 10 1 * * *}", zone = "Asia/Shanghai")
    void expire() {
        assessments.expireBefore(BusinessZone.today(clock));
        assessments.requestRoutineReassessments(BusinessZone.today(clock));
    }
}
