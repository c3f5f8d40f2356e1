package org.yiyang.assessment;

import java.util.UUID;

/**
 * A care-needs assessment (an instrument that computes levels) became effective (both assessors signed). Ids only: ask
 * {@link CareNeeds} for the level. Results of instruments whose grade the assessors enter (the LTC 2021 scale) are not
 * announced: they are no care-needs result.
 */
public record AssessmentCompleted(UUID assessmentId, UUID personId) {
}
