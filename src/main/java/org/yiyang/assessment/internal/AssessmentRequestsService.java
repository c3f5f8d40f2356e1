package org.yiyang.assessment.internal;

import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.assessment.AssessmentRequests;
import org.yiyang.assessment.CareNeeds;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.NotFound;

/** Reuses a valid result or an open request before it requests a new first assessment through {@link Assessments}. */
@Component
class AssessmentRequestsService implements AssessmentRequests {
    private final Assessments assessments;
    private final AssessmentStore store;
    private final CareNeeds careNeeds;
    private final Clock clock;

    AssessmentRequestsService(Assessments assessments, AssessmentStore store, CareNeeds careNeeds, Clock clock) {
        this.assessments = assessments;
        this.store = store;
        this.careNeeds = careNeeds;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Requested request(UUID personId, Actor actor) {
        var current = careNeeds.current(personId, BusinessZone.today(clock));
        if (current.isPresent()) {
            // the result may only be named to an actor who may see the person
            if (store.findWithin(current.get().assessmentId(), actor.jurisdictionPath()).isEmpty()) {
                throw new NotFound("person");
            }
            return new Requested(current.get().assessmentId(), true);
        }
        var open = store.openFor(personId, Assessments.CARE_NEEDS_INSTRUMENT, actor.jurisdictionPath());
        if (open.isPresent()) {
            return new Requested(open.get(), false);
        }
        return new Requested(assessments.request(personId, "FIRST", null, null, actor), false);
    }
}
