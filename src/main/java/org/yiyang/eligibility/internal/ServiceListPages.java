package org.yiyang.eligibility.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyang.eligibility.ServiceLists;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.Conflict;
import org.yiyang.shared.FieldMessages;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;
import org.yiyang.shared.Role;

/** The list-version admin: versions, a version's items and rules, comparison, dry run and activation. */
@Controller
class ServiceListPages {
    private final ServiceLists lists;
    private final Clock clock;
    private final MessageSource messages;

    ServiceListPages(ServiceLists lists, Clock clock, MessageSource messages) {
        this.lists = lists;
        this.clock = clock;
        this.messages = messages;
    }

    @PreAuthorize(Access.STAFF)
    @GetMapping("/service-lists")
    String versions(Actor actor, Model model) {
        model.addAttribute("versions", lists.versions(actor));
        model.addAttribute("today", BusinessZone.today(clock));
        model.addAttribute("inForce", inForceCode(BusinessZone.today(clock), actor));
        model.addAttribute("mayEdit", actor.has(Role.CITY_OFFICER));
        model.addAttribute("errors", Map.of());
        return "eligibility/lists";
    }

    @PreAuthorize(Access.CITY_OFFICERS)
    @PostMapping("/service-lists")
    String submit(@RequestParam String document, Actor actor, Model model, Locale locale) {
        try {
            var summary = lists.submit(document, actor);
            return "redirect:/service-lists/" + summary.code();
        } catch (InvalidInput e) {
            return versionsWithErrors(actor, model, problems(e, locale), document);
        } catch (Conflict e) {
            Map<String, String> errors = Map.of("document",
                    messages.getMessage("problem.title." + e.code(), null, e.code(), locale));
            return versionsWithErrors(actor, model, errors, document);
        }
    }

    @PreAuthorize(Access.STAFF)
    @GetMapping("/service-lists/{code}")
    String version(@PathVariable String code, Actor actor, Model model) {
        LocalDate today = BusinessZone.today(clock);
        var version = lists.version(code, actor);
        model.addAttribute("version", version);
        model.addAttribute("summary", lists.summary(code, actor));
        String inForce = inForceCode(today, actor);
        model.addAttribute("inForce", inForce);
        model.addAttribute("comparison", inForce == null || inForce.equals(code) ? null
                : lists.compare(inForce, code, actor));
        model.addAttribute("mayEdit", actor.has(Role.CITY_OFFICER));
        model.addAttribute("dryRunDate", version.effectiveFrom().isAfter(today) ? version.effectiveFrom() : today);
        return "eligibility/version";
    }

    @PreAuthorize(Access.CITY_OFFICERS)
    @PostMapping("/service-lists/{code}/dry-run")
    String dryRun(@PathVariable String code, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                  LocalDate asOf, Actor actor, Model model) {
        model.addAttribute("dryRun", lists.dryRun(code, asOf, actor));
        return version(code, actor, model);
    }

    @PreAuthorize(Access.CITY_OFFICERS)
    @PostMapping("/service-lists/{code}/activate")
    String activate(@PathVariable String code, Actor actor, RedirectAttributes redirect) {
        lists.activate(code, actor);
        redirect.addFlashAttribute("activated", code);
        return "redirect:/service-lists/" + code;
    }

    private String versionsWithErrors(Actor actor, Model model, Map<String, String> errors, String document) {
        versions(actor, model);
        model.addAttribute("errors", errors);
        model.addAttribute("document", document);
        return "eligibility/lists";
    }

    private Map<String, String> problems(InvalidInput e, Locale locale) {
        return FieldMessages.byField(e.problems(), messages, locale);
    }

    private @Nullable String inForceCode(LocalDate day, Actor actor) {
        try {
            return lists.inForce(day, actor).code();
        } catch (NotFound e) {
            return null;
        }
    }
}
