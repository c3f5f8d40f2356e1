package org.yiyang.assessment;

import java.util.UUID;
import org.yiyang.shared.Actor;

/**
 * Asking for a person's care-needs assessment from another programme (e.g. a subsidy application). A valid current
 * result is reused and an open request is joined: an assessment is never repeated because a second programme asks.
 */
public interface AssessmentRequests {

    /**
     * The assessment that answers for the person: the valid current result, else the open request, else a new first
     * assessment requested by the actor. {@link org.yiyang.shared.NotFound} outside the actor's jurisdiction.
     */
    Requested request(UUID personId, Actor actor);

    /**
     * @param assessmentId the assessment that answers
     * @param effective    true when it is a valid current result (nothing to wait for); false when it is still open
     */
    record Requested(UUID assessmentId, boolean effective) {
    }
}
