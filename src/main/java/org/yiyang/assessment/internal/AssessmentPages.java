package org.yiyang.assessment.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.yiyang.shared.Access;
import org.yiyang.shared.AccessRefused;
import org.yiyang.shared.Actor;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;

/**
 * Assessor pages: the worklist, the form (every item with its verbatim options as radio groups; subtotals, total and
 * completeness recomputed on the server as answers change, via htmx) and the result page.
 */
@Controller
class AssessmentPages {
    private final Assessments assessments;
    private final AssessmentScoring scoring;

    AssessmentPages(Assessments assessments, AssessmentScoring scoring) {
        this.assessments = assessments;
        this.scoring = scoring;
    }

    @GetMapping("/assessments")
    @PreAuthorize(Access.ASSESSOR)
    String worklist(Actor actor, Model model) {
        model.addAttribute("items", assessments.worklist(actor));
        return "assessment/worklist";
    }

    @GetMapping("/assessments/{id}/form")
    @PreAuthorize(Access.ASSESSOR)
    String form(@PathVariable UUID id, Actor actor, Model model, Locale locale) {
        var a = assessments.find(id, actor);
        Instrument instrument = scoring.instrument(a.instrument());
        model.addAttribute("assessment", a);
        model.addAttribute("instrument", instrument);
        model.addAttribute("answers", Map.of());
        model.addAttribute("score", scoring.view(Scoring.score(instrument, emptyPartial()), locale));
        model.addAttribute("errors", List.of());
        return "assessment/form";
    }

    /** The live subtotals: the same server-side scoring as the API, on the answers so far. */
    @PostMapping("/assessments/{id}/form/score")
    @PreAuthorize(Access.ASSESSOR)
    String liveScore(@PathVariable UUID id, HttpServletRequest request, Actor actor, Model model, Locale locale) {
        var a = assessments.find(id, actor);
        Instrument instrument = scoring.instrument(a.instrument());
        ScoringInput input = input(instrument, request, true);
        try {
            model.addAttribute("score", scoring.view(Scoring.score(instrument, input), locale));
        } catch (InvalidInput e) {
            model.addAttribute("score", scoring.view(Scoring.score(instrument, emptyPartial()), locale));
        }
        model.addAttribute("instrument", instrument);
        return "assessment/form :: live-score";
    }

    @PostMapping("/assessments/{id}/form")
    @PreAuthorize(Access.ASSESSOR)
    String submit(@PathVariable UUID id, HttpServletRequest request, Actor actor, Model model, Locale locale) {
        var a = assessments.find(id, actor);
        Instrument instrument = scoring.instrument(a.instrument());
        ScoringInput input = input(instrument, request, false);
        try {
            assessments.submit(id, input, actor);
            return "redirect:/assessments/" + id;
        } catch (InvalidInput e) {
            model.addAttribute("assessment", a);
            model.addAttribute("instrument", instrument);
            model.addAttribute("answers", input.answers());
            model.addAttribute("score", scoring.view(Scoring.score(instrument, emptyPartial()), locale));
            model.addAttribute("errors", e.problems().stream().map(p -> p.field()).toList());
            return "assessment/form";
        }
    }

    /** A resident's assessments, newest first, each with its level and validity (linked from the resident's page). */
    @GetMapping("/persons/{personId}/assessments")
    @PreAuthorize(Access.ASSESSMENT)
    String history(@PathVariable UUID personId, Actor actor, Model model, Locale locale) {
        var rows = assessments.history(personId, actor);
        model.addAttribute("personId", personId);
        model.addAttribute("rows", rows);
        model.addAttribute("levelNames", rows.stream().map(a -> levelName(a.finalLevel(), locale)).toList());
        return "assessment/history";
    }

    @GetMapping("/assessments/{id}")
    @PreAuthorize(Access.ASSESSMENT)
    String result(@PathVariable UUID id, Actor actor, Model model, Locale locale) {
        var report = assessments.report(id, actor);
        var a = report.assessment();
        model.addAttribute("assessment", a);
        model.addAttribute("scoring", report.scoring() == null ? null : scoring.view(report.scoring(), locale));
        model.addAttribute("instrument", scoring.instrument(a.instrument()));
        model.addAttribute("overrideReason", report.overrideReason());
        model.addAttribute("computedName", levelName(a.computedLevel(), locale));
        model.addAttribute("finalName", levelName(a.finalLevel(), locale));
        model.addAttribute("canSign", a.status().equals("SUBMITTED") && (actor.userId().equals(a.assessor1())
                || actor.userId().equals(a.assessor2())) && !a.signedBy().contains(actor.userId()));
        return "assessment/result";
    }

    @PostMapping("/assessments/{id}/sign")
    @PreAuthorize(Access.ASSESSOR)
    String sign(@PathVariable UUID id, Actor actor) {
        assessments.sign(id, actor);
        return "redirect:/assessments/" + id;
    }

    @ExceptionHandler({NotFound.class, AccessRefused.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    private String levelName(@Nullable Integer level, Locale locale) {
        return level == null ? "" : scoring.levelName(org.yiyang.assessment.CareLevel.ofNumber(level), locale);
    }

    private static ScoringInput emptyPartial() {
        return new ScoringInput(Map.of(), false, List.of(), Map.of(), true);
    }

    /** Reads the chosen options (parameter per item code), coma, ICD-10 codes (comma-separated) and risk counts. */
    private static ScoringInput input(Instrument instrument, HttpServletRequest request, boolean partial) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (Instrument.Item item : instrument.items()) {
            String v = request.getParameter(item.code());
            if (v != null && !v.isBlank()) {
                try {
                    answers.put(item.code(), Integer.parseInt(v.strip()));
                } catch (NumberFormatException e) {
                    answers.put(item.code(), -1); // reported as not an option
                }
            }
        }
        List<ScoringInput.Diagnosis> diagnoses = new ArrayList<>();
        String codes = request.getParameter("diagnoses");
        if (codes != null) {
            for (String code : codes.split("[,，\\s]+")) {
                if (!code.isBlank()) {
                    diagnoses.add(new ScoringInput.Diagnosis(code, request.getParameter("byPsychiatrist") != null));
                }
            }
        }
        Map<String, Integer> risks = new LinkedHashMap<>();
        if (instrument.adjustment() != null) {
            for (String kind : instrument.rules().riskKinds()) {
                String v = request.getParameter("risk." + kind);
                if (v != null && !v.isBlank()) {
                    try {
                        risks.put(kind, Integer.parseInt(v.strip()));
                    } catch (NumberFormatException e) {
                        risks.put(kind, -1);
                    }
                }
            }
        }
        return new ScoringInput(answers, request.getParameter("coma") != null, diagnoses, risks, partial);
    }
}
