package org.yiyang.ltc;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who pays an assessment fee (第十八条, spec §10), from the policy's {@code assessmentFees}: a disability assessment
 * (失能评估) costs 200 元, paid by the fund when the result is level 2 or 3, half and half at level 1, by the applicant
 * otherwise; a re-assessment (复评) the applicant asked for is the applicant's when it confirms the first result's level,
 * else split by the rules above; a continuing-care assessment costs 100 元 paid by the fund when the person qualifies,
 * and nobody pays when not; a verification assessment (核查评估) by the insurance agency is paid by the fund (its fee is
 * not in the text, so the agency gives it). Only the split: recording assessments and paying the fees are not built.
 */
public final class AssessmentFees {
    private AssessmentFees() {
    }

    /** The kinds of assessment of 第十八条. */
    public enum Kind { DISABILITY, REASSESSMENT, CONTINUING_CARE, VERIFICATION }

    /** The fee and its two shares, in fen; {@code rule} names the policy row or reading applied. */
    public record Split(long feeFen, long fundFen, long applicantFen, String rule) {
    }

    /**
     * @param level           the LTC level the assessment gives (1–3), null when it gives none (for continuing care:
     *                        non-null means the person qualifies)
     * @param firstLevel      for a re-assessment, the level of the first result (null: none)
     * @param verificationFen for a verification assessment, its fee as given by the agency
     */
    public static Split split(LtcPolicy policy, Kind kind, @Nullable Integer level, @Nullable Integer firstLevel,
                              long verificationFen) {
        switch (kind) {
            case VERIFICATION:
                return new Split(verificationFen, verificationFen, 0, "VERIFICATION_BY_FUND");
            case CONTINUING_CARE:
                return of(fee(policy, "CONTINUING_CARE", level != null ? "QUALIFIES" : "DOES_NOT_QUALIFY"));
            case REASSESSMENT:
                if (Objects.equals(level, firstLevel)) {
                    long fee = fee(policy, "DISABILITY", "OTHER").feeFen();
                    return new Split(fee, 0, fee, "REASSESSMENT_SAME_LEVEL");
                }
                return of(fee(policy, "DISABILITY", disabilityOutcome(level)));
            case DISABILITY:
            default:
                return of(fee(policy, "DISABILITY", disabilityOutcome(level)));
        }
    }

    private static String disabilityOutcome(@Nullable Integer level) {
        if (level == null) {
            return "OTHER";
        }
        return level == 1 ? "LEVEL_1" : level == 2 || level == 3 ? "LEVEL_2_OR_3" : "OTHER";
    }

    private static LtcPolicy.AssessmentFee fee(LtcPolicy policy, String assessment, String outcome) {
        return policy.assessmentFees().stream()
                .filter(f -> f.assessment().equals(assessment) && f.outcome().equals(outcome)).findFirst()
                .orElseThrow(() -> new IllegalStateException("policy " + policy.id() + " has no assessment fee for "
                        + assessment + "/" + outcome));
    }

    private static Split of(LtcPolicy.AssessmentFee f) {
        long fund = (f.feeFen() * f.fundShareBp() + 5_000) / 10_000;
        return new Split(f.feeFen(), fund, f.feeFen() - fund, f.assessment() + "/" + f.outcome());
    }
}
