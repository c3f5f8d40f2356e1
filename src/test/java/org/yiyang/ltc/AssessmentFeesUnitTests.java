package org.yiyang.ltc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yiyang.ltc.AssessmentFees.Kind;
import org.yiyang.ltc.AssessmentFees.Split;

/** Every row of 第十八条 (spec §10) split from the Guangzhou policy data. */
class AssessmentFeesUnitTests {
    static final LtcPolicy POLICY = LtcFixtures.guangzhou();

    @Test
    void disabilityAssessmentsArePaidByTheResultingLevel() {
        assertThat(split(Kind.DISABILITY, 3, null)).isEqualTo(new Split(20_000, 20_000, 0, "DISABILITY/LEVEL_2_OR_3"));
        assertThat(split(Kind.DISABILITY, 2, null)).isEqualTo(new Split(20_000, 20_000, 0, "DISABILITY/LEVEL_2_OR_3"));
        assertThat(split(Kind.DISABILITY, 1, null)).isEqualTo(new Split(20_000, 10_000, 10_000, "DISABILITY/LEVEL_1"));
        assertThat(split(Kind.DISABILITY, null, null)).isEqualTo(new Split(20_000, 0, 20_000, "DISABILITY/OTHER"));
    }

    @Test
    void aReassessmentConfirmingTheFirstLevelIsTheApplicantsOtherwiseAsAFirstAssessment() {
        assertThat(split(Kind.REASSESSMENT, 2, 2)).isEqualTo(new Split(20_000, 0, 20_000, "REASSESSMENT_SAME_LEVEL"));
        assertThat(split(Kind.REASSESSMENT, null, null))
                .isEqualTo(new Split(20_000, 0, 20_000, "REASSESSMENT_SAME_LEVEL"));
        assertThat(split(Kind.REASSESSMENT, 3, 1)).isEqualTo(new Split(20_000, 20_000, 0, "DISABILITY/LEVEL_2_OR_3"));
        assertThat(split(Kind.REASSESSMENT, 1, null))
                .isEqualTo(new Split(20_000, 10_000, 10_000, "DISABILITY/LEVEL_1"));
    }

    @Test
    void continuingCareAndVerificationAssessments() {
        assertThat(split(Kind.CONTINUING_CARE, 3, null))
                .isEqualTo(new Split(10_000, 10_000, 0, "CONTINUING_CARE/QUALIFIES"));
        assertThat(split(Kind.CONTINUING_CARE, null, null))
                .isEqualTo(new Split(0, 0, 0, "CONTINUING_CARE/DOES_NOT_QUALIFY"));
        assertThat(AssessmentFees.split(POLICY, Kind.VERIFICATION, null, null, 15_000))
                .isEqualTo(new Split(15_000, 15_000, 0, "VERIFICATION_BY_FUND"));
    }

    private static Split split(Kind kind, Integer level, Integer firstLevel) {
        return AssessmentFees.split(POLICY, kind, level, firstLevel, 0);
    }
}
