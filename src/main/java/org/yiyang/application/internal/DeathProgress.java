package org.yiyang.application.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yiyang.person.PersonDied;

/** Ends the grants of a person as soon as a death is recorded (after its commit), not only in the daily job. */
@Component
class DeathProgress {
    private final ApplicationWorkflow workflow;

    DeathProgress(ApplicationWorkflow workflow) {
        this.workflow = workflow;
    }

    @ApplicationModuleListener
    void on(PersonDied event) {
        workflow.endGrantsOfTheDeceased();
    }
}
