package org.yiyang.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
 * The register of assessment agencies as pages: the agencies serving the officer's jurisdiction with their assessors
 * and qualification periods (those not valid today marked), a form to register an agency and one to register or
 * update an assessor (the same service and checks as the API).
 */
@Controller
class AgencyPages {
    private final AssessmentAgencies agencies;
    private final MessageSource messages;
    private final Clock clock;

    AgencyPages(AssessmentAgencies agencies, MessageSource messages, Clock clock) {
        this.agencies = agencies;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/assessment-agencies")
    @PreAuthorize(Access.ASSESSMENT_REQUESTERS)
    String list(Actor actor, Model model) {
        model.addAttribute("agencies", agencies.list(actor));
        model.addAttribute("today", BusinessZone.today(clock));
        model.addAttribute("canKeep", actor.hasAny(org.yiyang.shared.Role.CITY_OFFICER,
                org.yiyang.shared.Role.DISTRICT_OFFICER));
        model.addAttribute("errors", List.of());
        return "assessment/agencies";
    }

    @PostMapping("/assessment-agencies")
    @PreAuthorize(Access.ASSESSMENT_AGENCY_KEEPERS)
    String register(@RequestParam(required = false) @Nullable String name,
                    @RequestParam(required = false) @Nullable String creditCode,
                    @RequestParam(required = false) @Nullable String regionCode, Actor actor, Model model,
                    Locale locale) {
        try {
            agencies.register(name, creditCode, regionCode, actor);
            return "redirect:/assessment-agencies";
        } catch (InvalidInput e) {
            return again(actor, model, problems(e, locale));
        } catch (Conflict e) {
            return again(actor, model, List.of(title(e, locale)));
        }
    }

    @PostMapping("/assessment-agencies/{id}/assessors")
    @PreAuthorize(Access.ASSESSMENT_AGENCY_KEEPERS)
    String assessor(@PathVariable UUID id, @RequestParam(required = false) @Nullable String userId,
                    @RequestParam(required = false) @Nullable String certificateNo,
                    @RequestParam(required = false) @Nullable String qualifiedFrom,
                    @RequestParam(required = false) @Nullable String qualifiedTo,
                    @RequestParam(required = false) @Nullable String employerProviderId,
                    @RequestParam(required = false) @Nullable String relatives, Actor actor, Model model,
                    Locale locale) {
        var problems = new InvalidInput.Collector();
        UUID user = uuid(userId, "userId", problems);
        UUID employer = employerProviderId == null || employerProviderId.isBlank() ? null
                : uuid(employerProviderId, "employerProviderId", problems);
        List<UUID> declared = new ArrayList<>();
        if (relatives != null) {
            for (String raw : relatives.split("[,，\\s]+")) {
                if (!raw.isBlank()) {
                    declared.add(uuid(raw, "relatives", problems));
                }
            }
        }
        LocalDate from = date(qualifiedFrom, "qualifiedFrom", problems);
        LocalDate to = date(qualifiedTo, "qualifiedTo", problems);
        try {
            problems.throwIfAny();
            agencies.registerAssessor(id, user, certificateNo, from, to, employer, declared, actor);
            return "redirect:/assessment-agencies";
        } catch (InvalidInput e) {
            return again(actor, model, problems(e, locale));
        } catch (Conflict e) {
            return again(actor, model, List.of(title(e, locale)));
        }
    }

    private String again(Actor actor, Model model, List<String> errors) {
        list(actor, model);
        model.addAttribute("errors", errors);
        return "assessment/agencies";
    }

    private List<String> problems(InvalidInput e, Locale locale) {
        return e.problems().stream().map(p -> p.field() + ": " + messages.getMessage("problem." + p.code(),
                p.args().toArray(), p.code(), locale)).toList();
    }

    private String title(Conflict e, Locale locale) {
        return messages.getMessage("problem.title." + e.code(), null, e.code(), locale);
    }

    private static @Nullable UUID uuid(@Nullable String raw, String field, InvalidInput.Collector problems) {
        try {
            return UUID.fromString(String.valueOf(raw).strip());
        } catch (IllegalArgumentException e) {
            problems.add(field, "WRONG_TYPE");
            return null;
        }
    }

    private static @Nullable LocalDate date(@Nullable String raw, String field, InvalidInput.Collector problems) {
        if (raw == null || raw.isBlank()) {
            return null; // reported as REQUIRED by the register
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            problems.add(field, "WRONG_TYPE");
            return null;
        }
    }
}
