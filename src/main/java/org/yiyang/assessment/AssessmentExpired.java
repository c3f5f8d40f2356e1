package org.yiyang.assessment;

import java.util.UUID;

/** An effective assessment passed its last valid day. Ids only. */
public record AssessmentExpired(UUID assessmentId, UUID personId) {
}
