package org.yiyang.assessment.internal;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.assessment.ImmediateCause;
import org.yiyang.assessment.ImmediateReassessments;
import org.yiyang.shared.Actor;

/** Immediate reassessments for staff and other modules, through {@link Assessments}. */
@Component
class ImmediateReassessmentsService implements ImmediateReassessments {
    private final Assessments assessments;
    private final AssessmentStore store;

    ImmediateReassessmentsService(Assessments assessments, AssessmentStore store) {
        this.assessments = assessments;
        this.store = store;
    }

    @Override
    @Transactional
    public UUID request(UUID personId, ImmediateCause cause, Actor actor) {
        return assessments.request(personId, "IMMEDIATE", null, null, cause.name(), actor);
    }

    @Override
    @Transactional
    public UUID requestBySystem(UUID personId, ImmediateCause cause, String requestedBy) {
        return assessments.requestImmediateBySystem(personId, cause, requestedBy);
    }
}
