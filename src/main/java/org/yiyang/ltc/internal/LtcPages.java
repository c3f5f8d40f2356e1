package org.yiyang.ltc.internal;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.Conflict;
import org.yiyang.shared.InvalidInput;

/**
 * LTC pages (the provider's service records are in {@link ServiceRecordPages}): a beneficiary's month, and the LTC
 * officer's settlement page (preview per region and month, figures by provider, approve, lock, download). The same
 * services as the API; every run made from the SAMPLE catalogue shows its stamp.
 */
@Controller
class LtcPages {
    private final SettlementRuns runs;
    private final MessageSource messages;

    LtcPages(SettlementRuns runs, MessageSource messages) {
        this.runs = runs;
        this.messages = messages;
    }

    /**
     * A beneficiary's month: what was settled per category against the limit that applied (a bar per category), the
     * fund and own shares, and the lines rejected with their reasons.
     */
    @PreAuthorize(Access.LTC)
    @GetMapping("/ltc/beneficiaries/{id}")
    String beneficiary(@PathVariable java.util.UUID id, @RequestParam(required = false) @Nullable String month,
                       Actor actor, Model model) {
        YearMonth m = parse(month);
        model.addAttribute("month", m.toString());
        model.addAttribute("statement", runs.beneficiaryStatement(id, m, actor));
        return "ltc/beneficiary";
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @GetMapping("/ltc/settlements")
    String settlements(Actor actor, Model model) {
        return list(actor, model, Map.of(), "", YearMonth.now(BusinessZone.ZONE).minusMonths(1).toString());
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @PostMapping("/ltc/settlements")
    String preview(@RequestParam(defaultValue = "") String regionCode, @RequestParam(defaultValue = "") String month,
                   Actor actor, Model model, Locale locale) {
        try {
            var run = runs.preview(new SettlementRuns.NewRun(regionCode, month), actor);
            return "redirect:/ltc/settlements/" + run.id();
        } catch (InvalidInput e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.merge(p.field(), messages.getMessage("problem." + p.code(),
                    p.args().toArray(), p.code(), locale), (a, b) -> a + " " + b));
            return list(actor, model, errors, regionCode, month);
        } catch (Conflict e) {
            return list(actor, model, Map.of("form", messages.getMessage("problem.title." + e.code(), null,
                    e.code(), locale)), regionCode, month);
        }
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @GetMapping("/ltc/settlements/{id}")
    String settlement(@PathVariable UUID id, Actor actor, Model model) {
        model.addAttribute("run", runs.find(id, actor));
        return "ltc/settlement";
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @PostMapping("/ltc/settlements/{id}/approval")
    String approve(@PathVariable UUID id, Actor actor) {
        runs.approve(id, actor);
        return "redirect:/ltc/settlements/" + id;
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @PostMapping("/ltc/settlements/{id}/lock")
    String lock(@PathVariable UUID id, Actor actor) {
        runs.lock(id, actor);
        return "redirect:/ltc/settlements/" + id;
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @GetMapping("/ltc/settlements/{id}/statement.{format}")
    void download(@PathVariable UUID id, @PathVariable String format,
                  @RequestParam(required = false) @Nullable UUID provider, Actor actor,
                  jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        var run = runs.find(id, actor);
        boolean excel = format.equals("xlsx");
        response.setContentType(excel ? SettlementApi.XLSX.toString() : new org.springframework.http.MediaType("text",
                "csv", java.nio.charset.StandardCharsets.UTF_8).toString());
        response.setHeader("Content-Disposition", "attachment; filename=\"ltc-statement-" + run.regionCode() + "-"
                + run.month() + (run.stamp() == null ? "" : "-SAMPLE") + (excel ? ".xlsx\"" : ".csv\""));
        if (excel) {
            runs.writeXlsx(id, provider, actor, response.getOutputStream()); // streamed from a cursor
        } else {
            runs.writeCsv(id, provider, actor, response.getOutputStream()); // streamed from a cursor
        }
    }

    private String list(Actor actor, Model model, Map<String, String> errors, String regionCode, String month) {
        model.addAttribute("runs", runs.list(actor));
        model.addAttribute("errors", errors);
        model.addAttribute("regionCode", regionCode.isEmpty() ? actor.jurisdictionCode() : regionCode);
        model.addAttribute("month", month);
        return "ltc/settlements";
    }

    private static YearMonth parse(@Nullable String month) {
        try {
            return month == null || month.isBlank() ? YearMonth.now(BusinessZone.ZONE) : YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            return YearMonth.now(BusinessZone.ZONE);
        }
    }
}
