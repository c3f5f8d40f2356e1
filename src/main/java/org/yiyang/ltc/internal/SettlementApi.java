package org.yiyang.ltc.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.InvalidInput;

/** Settlement runs: preview, approval and lock by the LTC office; statements for the office and the providers. */
@RestController
@Tag(name = "ltc")
class SettlementApi {
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private final SettlementRuns runs;

    SettlementApi(SettlementRuns runs) {
        this.runs = runs;
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @PostMapping("/api/v1/ltc/settlements")
    @Operation(summary = "Preview (or resume, or rebuild) the settlement of a region's month, run as a job",
            description = "409 LTC_CATALOGUE_NOT_FOR_PAYMENT outside demo mode on a SAMPLE catalogue; "
                    + "409 LTC_SETTLEMENT_APPROVED/LOCKED once approved")
    SettlementRuns.RunView preview(@RequestBody SettlementRuns.NewRun body, Actor actor) {
        return runs.preview(body, actor);
    }

    @PreAuthorize(Access.LTC)
    @GetMapping("/api/v1/ltc/settlements")
    @Operation(summary = "Settlement runs within the jurisdiction (provider staff: those with their lines)")
    List<SettlementRuns.RunView> list(Actor actor) {
        return runs.list(actor);
    }

    @PreAuthorize(Access.LTC)
    @GetMapping("/api/v1/ltc/settlements/{id}")
    @Operation(summary = "A run with its totals per provider")
    SettlementRuns.RunView find(@PathVariable UUID id, Actor actor) {
        return runs.find(id, actor);
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @PostMapping("/api/v1/ltc/settlements/{id}/approval")
    @Operation(summary = "Approve a completed preview")
    SettlementRuns.RunView approve(@PathVariable UUID id, Actor actor) {
        return runs.approve(id, actor);
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @PostMapping("/api/v1/ltc/settlements/{id}/lock")
    @Operation(summary = "Lock an approved run; the month's lines can no longer change")
    SettlementRuns.RunView lock(@PathVariable UUID id, Actor actor) {
        return runs.lock(id, actor);
    }

    @PreAuthorize(Access.LTC)
    @GetMapping("/api/v1/ltc/settlements/{id}/statement.csv")
    @Operation(summary = "Statement as CSV, all providers in scope or one (?provider=designated provider id)")
    void csv(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID provider, Actor actor,
             jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        var run = runs.find(id, actor);
        headers(run, "csv").forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        response.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8).toString());
        // streamed from a cursor: a city's statement is not built in memory
        runs.writeCsv(id, provider, actor, response.getOutputStream());
    }

    @PreAuthorize(Access.LTC)
    @GetMapping("/api/v1/ltc/settlements/{id}/statement.xlsx")
    @Operation(summary = "Statement as Excel, all providers in scope or one (?provider=designated provider id)")
    void xlsx(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID provider, Actor actor,
              jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        var run = runs.find(id, actor);
        headers(run, "xlsx").forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        response.setContentType(XLSX.toString());
        // streamed from a cursor through POI's streaming workbook: a city's statement is not built in memory
        runs.writeXlsx(id, provider, actor, response.getOutputStream());
    }

    @PreAuthorize(Access.LTC)
    @GetMapping("/api/v1/ltc/beneficiaries/{id}/statement")
    @Operation(summary = "A beneficiary's month (default: the current one): fund share, own share, lines, "
            + "rejected lines with reasons")
    SettlementRuns.BeneficiaryStatement beneficiary(@PathVariable UUID id,
                                                    @RequestParam(required = false) @Nullable String month,
                                                    Actor actor) {
        var problems = new InvalidInput.Collector();
        YearMonth m = month == null ? YearMonth.now(BusinessZone.ZONE) : LtcInput.month("month", month, problems);
        problems.throwIfAny();
        return runs.beneficiaryStatement(id, m, actor);
    }

    private static HttpHeaders headers(SettlementRuns.RunView run, String ext) {
        String name = "ltc-statement-" + run.regionCode() + "-" + run.month()
                + (run.stamp() == null ? "" : "-SAMPLE") + "." + ext;
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
        headers.set("X-Ltc-Catalogue-Stamp", run.stamp() == null ? "OFFICIAL" : "SAMPLE");
        return headers;
    }
}
