package org.yiyang.ltc.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.ltc.CarePlan;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;
import org.yiyang.shared.InvalidInput;

/** Care plans and service records: drawn up and submitted by the designated provider, read within the scope. */
@RestController
@Tag(name = "ltc")
class ServiceRecordApi {
    private final CarePlans plans;
    private final ServiceRecords records;

    ServiceRecordApi(CarePlans plans, ServiceRecords records) {
        this.plans = plans;
        this.records = records;
    }

    @PreAuthorize(Access.LTC)
    @PostMapping("/api/v1/ltc/beneficiaries/{id}/care-plans")
    @Operation(summary = "Create a care plan (provider staff or LTC officer)",
            description = "422 when an item is unknown or the visits are below the class minimum; 409 overlap")
    ResponseEntity<CarePlan> createPlan(@PathVariable UUID id, @RequestBody CarePlans.NewPlan body, Actor actor) {
        return ResponseEntity.status(201).body(plans.create(id, body, actor));
    }

    @PreAuthorize(Access.LTC)
    @GetMapping("/api/v1/ltc/beneficiaries/{id}/care-plans")
    @Operation(summary = "A beneficiary's care plans", description = "404 outside the scope")
    List<CarePlan> plans(@PathVariable UUID id, Actor actor) {
        return plans.list(id, actor);
    }

    @PreAuthorize(Access.LTC)
    @PostMapping("/api/v1/ltc/service-records")
    @Operation(summary = "Submit up to 1,000 service records of the caller's provider",
            description = "Idempotent by the provider's record id; each line answered with outcome and reason codes")
    ServiceRecords.BatchResult submit(@RequestBody ServiceRecords.Batch body, Actor actor) {
        return records.submit(body, actor);
    }

    @PreAuthorize(Access.LTC)
    @PostMapping("/api/v1/ltc/service-records/cancellations")
    @Operation(summary = "Withdraw up to 1,000 of the caller's provider's lines by record id",
            description = "An open month's line becomes CANCELLED; a frozen month's line is removed by a cancellation "
                    + "settled as the difference in the first open month after it; idempotent")
    ServiceRecords.BatchResult cancel(@RequestBody ServiceRecords.Cancellation body, Actor actor) {
        return records.cancel(body, actor);
    }

    @PreAuthorize(Access.LTC)
    @GetMapping("/api/v1/ltc/service-records")
    @Operation(summary = "Service record lines of a month within the scope (outcome=REJECTED for rejected lines)")
    List<ServiceRecords.LineView> list(@RequestParam String month, @RequestParam(required = false) @Nullable String outcome,
                                       Actor actor) {
        var problems = new InvalidInput.Collector();
        YearMonth m = LtcInput.month("month", month, problems);
        problems.throwIfAny();
        return records.list(m, outcome, actor);
    }
}
