package org.yiyang.assessment;

import org.yiyang.shared.SystemUse;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The one shared result of the care-needs assessment: every programme (subsidies, LTC, services) reads a person's
 * level here instead of keeping its own copy.
 */
public interface CareNeeds {

    /** The person's effective result on the day, if one is valid then. */
    @SystemUse("the shared result (结果互认) read by other programmes inside their own actor-checked operations")
    Optional<CurrentCareNeeds> current(UUID personId, LocalDate on);

    /**
     * An effective assessment result.
     *
     * @param levelNameKey the message key of the level's name (resolve it in the reader's language)
     * @param validTo      the last day the result is valid
     */
    record CurrentCareNeeds(CareLevel level, String levelNameKey, LocalDate validFrom, LocalDate validTo,
                            UUID assessmentId) {
    }
}
