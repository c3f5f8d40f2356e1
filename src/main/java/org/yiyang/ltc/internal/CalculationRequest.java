package org.yiyang.ltc.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yiyang.ltc.BenefitGroup;
import org.yiyang.ltc.CareForm;
import org.yiyang.ltc.InsuredType;

/** One beneficiary-month given inline (issue 6). Amounts in fen; every field is checked by {@link LtcCalculator}. */
record CalculationRequest(@Nullable InsuredType insuredType, @Nullable BenefitGroup group, @Nullable Integer ltcLevel,
                          @Nullable CareForm careForm, @Nullable String month,
                          @Nullable List<@Nullable Long> dailyLifeCareCostFen,
                          @Nullable List<@Nullable Long> dailyBedFeeFen, @Nullable Long medicalCareCostFen,
                          @Nullable Long medicalConsumablesFen, @Nullable Long deviceCostFen, @Nullable Integer visits,
                          @Nullable Integer visitMinutes, @Nullable Integer monthsUsedInValidity) {
}
