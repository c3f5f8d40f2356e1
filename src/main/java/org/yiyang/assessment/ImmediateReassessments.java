package org.yiyang.assessment;

import java.util.UUID;
import org.yiyang.shared.Actor;
import org.yiyang.shared.SystemUse;

/**
 * Asking for an immediate reassessment (即时评估) when an elder's situation changes: by staff, or by another module
 * (a later home-care module after repeated fall alerts). An open assessment of the person is joined rather than
 * duplicated.
 */
public interface ImmediateReassessments {

    /** By staff within their jurisdiction ({@link org.yiyang.shared.NotFound} outside it). Returns the assessment. */
    UUID request(UUID personId, ImmediateCause cause, Actor actor);

    /**
     * By another module, for a person assessed before (there is something to reassess); the request follows the
     * residence recorded on the person's latest assessment. {@link org.yiyang.shared.NotFound} for a person never
     * assessed.
     *
     * @param requestedBy the calling module or job, recorded in the audit trail (e.g. {@code "homecare.fall-alerts"})
     */
    @SystemUse("other modules' own rules (e.g. repeated fall alerts) ask for a reassessment; audited with the caller")
    UUID requestBySystem(UUID personId, ImmediateCause cause, String requestedBy);
}
