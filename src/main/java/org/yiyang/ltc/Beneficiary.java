package org.yiyang.ltc;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An LTC beneficiary over one validity period of the assessment result: group, level (null for continuing care), how
 * the level was set, care form and designated provider; ended by death, improvement, expiry or the end of the
 * agreement; suspended during hospital stays (continuing care: ended by a new admission). {@code disabledSince} is the
 * day the disability began (the six-month condition of long-term care), {@code validTo} the last day of the assessment
 * result's validity, or of the benefit period for continuing care. No personal data beyond the person's id.
 */
public record Beneficiary(UUID id, UUID personId, BenefitGroup group, @Nullable Integer ltcLevel,
                          LevelSource levelSource, CareForm careForm, UUID designatedProviderId, LocalDate validFrom,
                          LocalDate validTo, @Nullable LocalDate endedOn, @Nullable EndReason endReason,
                          @Nullable LocalDate disabledSince, List<HospitalStay> hospitalStays) {

    public Beneficiary {
        hospitalStays = List.copyOf(hospitalStays);
    }

    /** A hospital or emergency-observation stay; {@code dischargedOn} null while still in hospital. */
    public record HospitalStay(UUID id, LocalDate admittedOn, @Nullable LocalDate dischargedOn) {
        /** Reading: suspended from the day of admission to the day before discharge. */
        public boolean covers(LocalDate day) {
            return !day.isBefore(admittedOn) && (dischargedOn == null || day.isBefore(dischargedOn));
        }
    }
}
