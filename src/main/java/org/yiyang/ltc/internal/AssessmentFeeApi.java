package org.yiyang.ltc.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;

/** Assessment fees (第十八条): recorded by the LTC office, counted by the month's settlement run. */
@RestController
@Tag(name = "ltc")
class AssessmentFeeApi {
    private final AssessmentFeeRegistry fees;

    AssessmentFeeApi(AssessmentFeeRegistry fees) {
        this.fees = fees;
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @PostMapping("/api/v1/ltc/assessment-fees")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an assessment's fee; the fee and the fund's and applicant's shares follow 第十八条")
    AssessmentFeeRegistry.Fee record(@RequestBody AssessmentFeeRegistry.NewFee body, Actor actor) {
        return fees.record(body, actor);
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @GetMapping("/api/v1/ltc/assessment-fees")
    @Operation(summary = "The assessment fees of a month within the caller's jurisdiction, with their sums")
    AssessmentFeeRegistry.MonthFees month(@RequestParam(required = false) @Nullable String month, Actor actor) {
        return fees.month(month, actor);
    }
}
