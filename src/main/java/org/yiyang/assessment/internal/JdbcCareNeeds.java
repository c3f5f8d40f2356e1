package org.yiyang.assessment.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.assessment.CareLevel;
import org.yiyang.assessment.CareNeeds;

/** The person's result valid on a day: effective (or since expired or superseded) with the day inside its validity. */
@Component
class JdbcCareNeeds implements CareNeeds {
    private final AssessmentStore store;

    JdbcCareNeeds(AssessmentStore store) {
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CurrentCareNeeds> current(UUID personId, LocalDate on) {
        return store.validOn(personId, on).filter(r -> r.finalLevel() != null).map(r -> {
            CareLevel level = CareLevel.ofNumber(r.finalLevel());
            return new CurrentCareNeeds(level, level.nameKey(), r.validFrom(), r.validTo(), r.id());
        });
    }
}
