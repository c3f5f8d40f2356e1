package org.yiyang.application.internal;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yiyang.shared.BusinessZone;

/** Daily: overdue steps are escalated to supervisors, and the grants of people who have died end. */
@Component
class ApplicationJobs {
    private final ApplicationWorkflow workflow;
    private final Clock clock;

    ApplicationJobs(ApplicationWorkflow workflow, Clock clock) {
        this.workflow = workflow;
        this.clock = clock;
    }

    @Scheduled(cron = "${yiyang.application.overdue-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    void daily() {
        workflow.escalateOverdue(BusinessZone.today(clock));
        workflow.endGrantsOfTheDeceased();
    }
}
