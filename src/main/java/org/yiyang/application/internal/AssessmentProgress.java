package org.yiyang.application.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yiyang.assessment.AssessmentCompleted;

/** Moves applications waiting for a person's assessment on when it becomes effective (after its commit). */
@Component
class AssessmentProgress {
    private final ApplicationWorkflow workflow;

    AssessmentProgress(ApplicationWorkflow workflow) {
        this.workflow = workflow;
    }

    @ApplicationModuleListener
    void on(AssessmentCompleted event) {
        workflow.assessmentCompleted(event.assessmentId(), event.personId());
    }
}
