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
import org.springframework.web.bind.annotation.RequestParam;
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
    private final org.springframework.context.MessageSource messages;

    private final AssessmentAgencies agencies;

    AssessmentPages(Assessments assessments, AssessmentScoring scoring,
                    org.springframework.context.MessageSource messages, AssessmentAgencies agencies) {
        this.agencies = agencies;
        this.assessments = assessments;
        this.scoring = scoring;
        this.messages = messages;
    }

    @GetMapping("/assessments")
    @PreAuthorize(Access.ASSESSOR)
    String worklist(Actor actor, Model model) {
        model.addAttribute("items", assessments.worklist(actor));
        return "assessment/worklist";
    }

    @GetMapping("/assessments/{id}/form")
    @PreAuthorize(Access.ASSESSOR)
    String form(@PathVariable UUID id, @RequestParam(required = false) @Nullable String saved, Actor actor,
                Model model, Locale locale) {
        var a = assessments.find(id, actor);
        Instrument instrument = scoring.instrument(a.instrument());
        var draft = assessments.draft(id, actor);
        ScoringInput so = draft.input();
        ScoringInput partial = new ScoringInput(so.answers(), so.coma(), so.diagnoses(), so.riskEvents30d(), true);
        fill(model, a, instrument, partial, draft.appendix(), locale);
        model.addAttribute("errors", List.of());
        model.addAttribute("saved", saved != null);
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

    /** Saves the form as a draft (it may be partial) and shows it again. */
    @PostMapping("/assessments/{id}/form/draft")
    @PreAuthorize(Access.ASSESSOR)
    String saveDraft(@PathVariable UUID id, HttpServletRequest request, Actor actor, Model model, Locale locale) {
        var a = assessments.find(id, actor);
        Instrument instrument = scoring.instrument(a.instrument());
        ScoringInput input = input(instrument, request, true);
        AppendixA appendix = appendix(request);
        try {
            recordVisitIfGiven(id, request, actor);
            assessments.saveDraft(id, input, appendix, actor);
            return "redirect:/assessments/" + id + "/form?saved";
        } catch (InvalidInput e) {
            return reshow(model, a, instrument, input, appendix, e, locale);
        }
    }

    @PostMapping("/assessments/{id}/form")
    @PreAuthorize(Access.ASSESSOR)
    String submit(@PathVariable UUID id, HttpServletRequest request, Actor actor, Model model, Locale locale) {
        var a = assessments.find(id, actor);
        Instrument instrument = scoring.instrument(a.instrument());
        ScoringInput input = input(instrument, request, false);
        AppendixA appendix = appendix(request);
        Integer grade = integer(request.getParameter("enteredGrade"));
        try {
            recordVisitIfGiven(id, request, actor);
            assessments.submit(id, input, appendix, grade, actor);
            return "redirect:/assessments/" + id;
        } catch (InvalidInput e) {
            return reshow(model, a, instrument, input, appendix, e, locale);
        } catch (org.yiyang.shared.Conflict e) {
            if (!e.code().equals("VISIT_NOT_RECORDED")) {
                throw e;
            }
            return reshow(model, a, instrument, input, appendix,
                    InvalidInput.of("visit", "VISIT_NOT_RECORDED"), locale);
        }
    }

    private String reshow(Model model, Assessments.AssessmentView a, Instrument instrument, ScoringInput input,
                          AppendixA appendix, InvalidInput e, Locale locale) {
        ScoringInput partial = new ScoringInput(input.answers(), input.coma(), input.diagnoses(),
                input.riskEvents30d(), true);
        fill(model, a, instrument, partial, appendix, locale);
        model.addAttribute("errors", e.problems().stream().map(p -> p.field()).toList());
        model.addAttribute("errorMessages", e.problems().stream().map(p -> p.field() + ": " + messages.getMessage(
                "problem." + p.code(), p.args().toArray(), p.code(), locale)).toList());
        model.addAttribute("saved", false);
        return "assessment/form";
    }

    private void fill(Model model, Assessments.AssessmentView a, Instrument instrument, ScoringInput partial,
                      AppendixA appendix, Locale locale) {
        model.addAttribute("assessment", a);
        model.addAttribute("instrument", instrument);
        model.addAttribute("answers", partial.answers());
        model.addAttribute("coma", partial.coma());
        model.addAttribute("diagnoses", String.join(", ", partial.diagnoses().stream()
                .map(d -> String.valueOf(d.code())).toList()));
        model.addAttribute("byPsychiatrist", partial.diagnoses().stream().anyMatch(ScoringInput.Diagnosis::byPsychiatrist));
        model.addAttribute("risks", partial.riskEvents30d());
        model.addAttribute("appendix", appendix);
        model.addAttribute("visitRecorded", a.visitedAt() != null);
        Map<String, List<String>> codes = new LinkedHashMap<>();
        codes.put("places", List.of("HOME","CARE_INSTITUTION","HOSPITAL","COMMUNITY_CENTRE","OTHER"));
        codes.put("roles", List.of("ELDER","SPOUSE","CHILD","OTHER_RELATIVE","HIRED_CAREGIVER","COMMUNITY_WORKER","ASSESSOR","OTHER"));
        codes.put("educations", List.of("ILLITERATE","PRIMARY","JUNIOR_SECONDARY","SENIOR_SECONDARY","COLLEGE_OR_ABOVE","UNKNOWN"));
        codes.put("maritals", List.of("UNMARRIED","MARRIED","WIDOWED","DIVORCED","NOT_STATED"));
        codes.put("relations", List.of("SELF","SPOUSE","CHILD","OTHER_RELATIVE","HIRED_CAREGIVER","COMMUNITY_WORKER","OTHER"));
        codes.put("pressureInjuries", List.of("NONE","STAGE_1","STAGE_2","STAGE_3","STAGE_4","UNSTAGEABLE"));
        codes.put("specialCares", List.of("GASTRIC_TUBE","URINARY_CATHETER","TRACHEOSTOMY","STOMA","NON_INVASIVE_VENTILATOR","DIALYSIS","OTHER"));
        model.addAttribute("codes", codes);
        ScoreResult score;
        try {
            score = Scoring.score(instrument, partial);
        } catch (InvalidInput e) {
            score = Scoring.score(instrument, emptyPartial());
        }
        model.addAttribute("score", scoring.view(score, locale));
    }

    /** The visit fields of the form, recorded when a time is given (the API records richer visits). */
    private void recordVisitIfGiven(UUID id, HttpServletRequest request, Actor actor) {
        String at = request.getParameter("visit.at");
        if (at == null || at.isBlank()) {
            return;
        }
        java.time.Instant when;
        try {
            when = java.time.LocalDateTime.parse(at.strip()).atZone(org.yiyang.shared.BusinessZone.ZONE).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInput.of("visit.at", "REQUIRED");
        }
        List<Visit.Present> present = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String name = request.getParameter("visit.present" + i + ".name");
            if (name != null && !name.isBlank()) {
                present.add(new Visit.Present(name, request.getParameter("visit.present" + i + ".role")));
            }
        }
        assessments.recordVisit(id, new Visit(when, request.getParameter("visit.place"),
                request.getParameter("visit.placeNote"), present), actor);
    }

    /** The Appendix A fields of the form (blank fields are left out). */
    private static AppendixA appendix(HttpServletRequest request) {
        Map<String, Object> basic = new LinkedHashMap<>();
        putInt(basic, "heightCm", request.getParameter("a2.heightCm"));
        putInt(basic, "weightKg", request.getParameter("a2.weightKg"));
        putText(basic, "ethnicity", request.getParameter("a2.ethnicity"));
        putText(basic, "education", request.getParameter("a2.education"));
        putText(basic, "maritalStatus", request.getParameter("a2.maritalStatus"));
        String[] living = request.getParameterValues("a2.livingWith");
        if (living != null && living.length > 0) {
            basic.put("livingWith", List.of(living));
        }
        Map<String, Object> informant = new LinkedHashMap<>();
        putText(informant, "name", request.getParameter("a3.name"));
        putText(informant, "relation", request.getParameter("a3.relation"));
        putText(informant, "contactName", request.getParameter("a3.contactName"));
        putText(informant, "contactPhone", request.getParameter("a3.contactPhone"));
        List<Map<String, Object>> medications = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = request.getParameter("a4.med" + i + ".name");
            if (name != null && !name.isBlank()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", name.strip());
                putText(row, "route", request.getParameter("a4.med" + i + ".route"));
                putText(row, "dose", request.getParameter("a4.med" + i + ".dose"));
                putText(row, "frequency", request.getParameter("a4.med" + i + ".frequency"));
                medications.add(row);
            }
        }
        Map<String, Object> health = new LinkedHashMap<>();
        putText(health, "A.5.1", request.getParameter("a5.A.5.1"));
        String[] special = request.getParameterValues("a5.A.5.4");
        if (special != null && special.length > 0) {
            health.put("A.5.4", List.of(special));
        }
        for (String code : AppendixA.HEALTH_TEXT) {
            putText(health, code, request.getParameter("a5." + code));
        }
        return new AppendixA(basic, informant, medications, health);
    }

    /** Values for display: codes in the reader's language (phone numbers masked but for the last four digits) (the code itself when it has no wording), lists joined. */
    private Map<String, String> shown(Map<String, Object> values, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.equals("contactPhone") && v instanceof String phone) {
                out.put(k, phone.length() <= 4 ? "****" : "*".repeat(phone.length() - 4)
                        + phone.substring(phone.length() - 4));
                return;
            }
            List<?> list = v instanceof List<?> l ? l : List.of(v);
            out.put(k, String.join("、", list.stream().map(x -> {
                String text = String.valueOf(x);
                return text.matches("[A-Z_0-9]+") && !text.matches("[0-9]+")
                        ? messages.getMessage("assessment.code." + text, null, text, locale) : text;
            }).toList()));
        });
        return out;
    }

    private static void putText(Map<String, Object> into, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            into.put(key, value.strip());
        }
    }

    private static void putInt(Map<String, Object> into, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            Integer n = integer(value);
            into.put(key, n == null ? value : n); // a non-number is reported as out of range
        }
    }

    private static @Nullable Integer integer(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
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
        model.addAttribute("canRequest", isRequester(actor));
        model.addAttribute("reasons", List.of("FIRST", "ROUTINE", "IMMEDIATE", "OTHER"));
        model.addAttribute("causes", java.util.Arrays.stream(org.yiyang.assessment.ImmediateCause.values())
                .map(Enum::name).toList());
        model.addAttribute("requestErrors", List.of());
        return "assessment/history";
    }

    /**
     * Requests an assessment of the resident; a review (复评) is requested from the disputed result's row, naming it
     * (the review's assessors must then differ from the original's).
     */
    @PostMapping("/persons/{personId}/assessments")
    @PreAuthorize(Access.ASSESSMENT_REQUESTERS)
    String request(@PathVariable UUID personId, @RequestParam(required = false) @Nullable String reason,
                   @RequestParam(required = false) @Nullable UUID reviewOf,
                   @RequestParam(required = false) @Nullable String cause,
                   @RequestParam(required = false) @Nullable String instrument, Actor actor, Model model,
                   Locale locale) {
        try {
            UUID id = assessments.request(personId, reason, reviewOf, instrument == null || instrument.isBlank() ? null
                    : instrument, reason != null && reason.equals("IMMEDIATE") ? cause : null, actor);
            return "redirect:/assessments/" + id;
        } catch (InvalidInput e) {
            history(personId, actor, model, locale);
            model.addAttribute("requestErrors", messages(e, locale));
            return "assessment/history";
        }
    }

    /** Assigns the agency and two of its assessors from the result page (the same checks as the API). */
    @PostMapping("/assessments/{id}/assignment")
    @PreAuthorize(Access.ASSESSMENT_REQUESTERS)
    String assign(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID agencyId,
                  @RequestParam(required = false) @Nullable UUID assessor1,
                  @RequestParam(required = false) @Nullable UUID assessor2,
                  @RequestParam(required = false) @Nullable String servingProviders, Actor actor, Model model,
                  Locale locale) {
        List<UUID> assessors = new ArrayList<>();
        assessors.add(assessor1);
        assessors.add(assessor2);
        List<UUID> providers = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (servingProviders != null) {
            for (String raw : servingProviders.split("[,，\\s]+")) {
                if (!raw.isBlank()) {
                    try {
                        providers.add(UUID.fromString(raw.strip()));
                    } catch (IllegalArgumentException e) {
                        errors.add("servingProviders: " + messages.getMessage("problem.WRONG_TYPE", null,
                                "WRONG_TYPE", locale));
                    }
                }
            }
        }
        try {
            if (errors.isEmpty()) {
                assessments.assign(id, agencyId, assessors, providers, actor);
                return "redirect:/assessments/" + id;
            }
        } catch (InvalidInput e) {
            errors.addAll(messages(e, locale));
        } catch (org.yiyang.shared.Conflict e) {
            errors.add(messages.getMessage("problem.title." + e.code(), null, e.code(), locale));
        }
        result(id, actor, model, locale);
        model.addAttribute("assignmentErrors", errors);
        return "assessment/result";
    }

    private List<String> messages(InvalidInput e, Locale locale) {
        return e.problems().stream().map(p -> p.field() + ": " + messages.getMessage("problem." + p.code(),
                p.args().toArray(), p.code(), locale)).toList();
    }

    private static boolean isRequester(Actor actor) {
        return actor.hasAny(org.yiyang.shared.Role.CITY_OFFICER, org.yiyang.shared.Role.DISTRICT_OFFICER,
                org.yiyang.shared.Role.STREET_WORKER);
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
        model.addAttribute("appendix", report.appendix());
        model.addAttribute("basicShown", shown(report.appendix().basic(), locale));
        model.addAttribute("informantShown", shown(report.appendix().informant(), locale));
        model.addAttribute("healthShown", shown(report.appendix().health(), locale));
        model.addAttribute("visit", report.visit());
        model.addAttribute("visitAt", report.visit() == null || report.visit().at() == null ? null
                : report.visit().at().atZone(org.yiyang.shared.BusinessZone.ZONE).toLocalDateTime());
        model.addAttribute("inputs", report.inputs());
        Instrument used = scoring.instrument(a.instrument());
        model.addAttribute("enteredGradeName", a.enteredGrade() == null ? ""
                : used.level(a.enteredGrade()).map(l -> locale.getLanguage().equals("en") && l.nameEn() != null
                ? l.nameEn() : l.name()).orElse(""));
        model.addAttribute("appliedRules", report.scoring() == null ? List.of() : report.scoring().adjustments()
                .stream().map(ScoreResult.LevelChange::rule).toList());
        model.addAttribute("c4Rules", List.of(Scoring.RULE_COMA, Scoring.RULE_MENTAL, Scoring.RULE_RISK));
        model.addAttribute("computedName", levelName(a.computedLevel(), locale));
        model.addAttribute("finalName", levelName(a.finalLevel(), locale));
        boolean canAssign = isRequester(actor) && (a.status().equals("REQUESTED") || a.status().equals("ASSIGNED"));
        model.addAttribute("canAssign", canAssign);
        model.addAttribute("agencies", canAssign ? agencies.list(actor) : List.of());
        model.addAttribute("assignmentErrors", List.of());
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
