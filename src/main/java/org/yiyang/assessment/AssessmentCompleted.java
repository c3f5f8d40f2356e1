package org.yiyang.assessment;

import java.util.UUID;

/** An assessment became effective (both assessors signed). Ids only: ask {@link CareNeeds} for the level. */
public record AssessmentCompleted(UUID assessmentId, UUID personId) {
}
