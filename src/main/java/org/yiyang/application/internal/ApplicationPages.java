package org.yiyang.application.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.yiyang.application.internal.ApplicationViews.FirstCheck;
import org.yiyang.application.internal.ApplicationViews.ItemDecision;
import org.yiyang.application.internal.ApplicationViews.NewApplication;
import org.yiyang.eligibility.Eligibility;
import org.yiyang.person.PersonRegistry;
import org.yiyang.shared.Access;
import org.yiyang.shared.AccessRefused;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.Conflict;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;

/**
 * Pages for street and district staff: the worklist with due dates, the intake (find the resident by a posted search,
 * pick items with the eligibility answered live, the checklist updated as items are picked) and the application page
 * with every step's due date, the decision with its rule trace, the notice and the forms of the next step.
 */
@Controller
class ApplicationPages {
    private final Applications applications;
    private final ApplicationWorkflow workflow;
    private final ApplicationRules rules;
    private final PersonRegistry persons;
    private final Eligibility eligibility;
    private final Clock clock;

    ApplicationPages(Applications applications, ApplicationWorkflow workflow, ApplicationRules rules,
                     PersonRegistry persons, Eligibility eligibility, Clock clock) {
        this.applications = applications;
        this.workflow = workflow;
        this.rules = rules;
        this.persons = persons;
        this.eligibility = eligibility;
        this.clock = clock;
    }

    @GetMapping("/applications")
    @PreAuthorize(Access.APPLICATIONS)
    String worklist(Actor actor, Model model) {
        model.addAttribute("items", applications.worklist(actor));
        return "application/worklist";
    }

    @GetMapping("/applications/new")
    @PreAuthorize(Access.APPLICATIONS)
    String intake(Model model) {
        model.addAttribute("channels", Channel.values());
        return "application/intake";
    }

    /** The search is posted, so names and ID numbers never appear in a URL. */
    @PostMapping("/applications/new/search")
    @PreAuthorize(Access.APPLICATIONS)
    String search(@RequestParam(required = false) @Nullable String q, Actor actor, Model model) {
        model.addAttribute("channels", Channel.values());
        model.addAttribute("q", q);
        model.addAttribute("found", q == null || q.isBlank() ? List.of() : persons.search(q, null, 0, 20, actor).items());
        return "application/intake";
    }

    @PostMapping("/applications/new/person")
    @PreAuthorize(Access.APPLICATIONS)
    String choose(@RequestParam UUID personId, Actor actor, Model model, Locale locale) {
        prepare(personId, List.of(), "STREET_OFFICE", actor, model, locale);
        return "application/intake";
    }

    /** The checklist for the items picked so far (htmx fragment). */
    @PostMapping("/applications/new/checklist")
    @PreAuthorize(Access.APPLICATIONS)
    String checklist(@RequestParam(name = "items", required = false) @Nullable List<String> items,
                     @RequestParam(defaultValue = "STREET_OFFICE") String channel, Model model, Locale locale) {
        model.addAttribute("checklist", checklist(items == null ? List.of() : items, channel, locale));
        return "application/intake :: checklist";
    }

    @PostMapping("/applications")
    @PreAuthorize(Access.APPLICATIONS)
    String submit(@RequestParam(required = false) @Nullable UUID personId,
                  @RequestParam(required = false) @Nullable String channel,
                  @RequestParam(name = "items", required = false) @Nullable List<String> items,
                  Actor actor, Model model, Locale locale) {
        List<String> picked = items == null ? List.of() : items;
        try {
            UUID id = applications.submit(new NewApplication(personId, channel, picked), actor);
            return "redirect:/applications/" + id;
        } catch (InvalidInput | Conflict e) {
            if (personId == null) {
                return "redirect:/applications/new";
            }
            prepare(personId, picked, channel == null ? "STREET_OFFICE" : channel, actor, model, locale);
            model.addAttribute("errors", e instanceof InvalidInput invalid
                    ? invalid.problems().stream().map(p -> "problem." + p.code()).toList()
                    : List.of("problem.title." + ((Conflict) e).code()));
            return "application/intake";
        }
    }

    @GetMapping("/applications/{id}")
    @PreAuthorize(Access.APPLICATIONS)
    String show(@PathVariable UUID id, Actor actor, Model model, Locale locale) {
        model.addAttribute("app", applications.find(id, ApplicationApi.language(locale), actor));
        model.addAttribute("actor", actor);
        return "application/show";
    }

    @PostMapping("/applications/{id}/first-check")
    @PreAuthorize(Access.APPLICATIONS)
    String firstCheck(@PathVariable UUID id, @RequestParam boolean passed,
                      @RequestParam(required = false) @Nullable String reason, Actor actor, Model model,
                      Locale locale) {
        return act(id, actor, model, locale, () -> workflow.firstCheck(id, new FirstCheck(passed, reason), actor));
    }

    @PostMapping("/applications/{id}/verification")
    @PreAuthorize(Access.APPLICATIONS)
    String verify(@PathVariable UUID id, @RequestParam String outcome, Actor actor, Model model, Locale locale) {
        return act(id, actor, model, locale, () -> workflow.verify(id, outcome, actor));
    }

    @PostMapping("/applications/{id}/decision")
    @PreAuthorize(Access.APPLICATIONS)
    String decide(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Actor actor, Model model,
                  Locale locale) {
        return act(id, actor, model, locale, () -> workflow.decide(id, decisions(form), actor));
    }

    /** A material of the checklist uploaded from the page (type and content checked as through the API). */
    @PostMapping("/applications/{id}/attachments")
    @PreAuthorize(Access.APPLICATIONS)
    String attach(@PathVariable UUID id, @RequestParam String material,
                  @RequestParam("file") org.springframework.web.multipart.MultipartFile file, Actor actor,
                  Model model, Locale locale) {
        return act(id, actor, model, locale, () -> {
            try (var in = file.getInputStream()) {
                byte[] content = in.readNBytes(rules.maxAttachmentBytes() + 1); // one more: "too large" is reported
                applications.attach(id, material, file.getContentType(), content, actor);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("the upload could not be read", e);
            }
        });
    }

    @PostMapping("/applications/{id}/review")
    @PreAuthorize(Access.APPLICATIONS)
    String requestReview(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason, Actor actor,
                         Model model, Locale locale) {
        return act(id, actor, model, locale, () -> workflow.requestReview(id, reason, actor));
    }

    @PostMapping("/applications/{id}/review/decision")
    @PreAuthorize(Access.APPLICATIONS)
    String decideReview(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Actor actor,
                        Model model, Locale locale) {
        return act(id, actor, model, locale, () -> workflow.decideReview(id, decisions(form), actor));
    }

    @ExceptionHandler({NotFound.class, AccessRefused.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    private String act(UUID id, Actor actor, Model model, Locale locale, Runnable step) {
        try {
            step.run();
            return "redirect:/applications/" + id;
        } catch (InvalidInput e) {
            model.addAttribute("errors", e.problems().stream().map(p -> "problem." + p.code()).toList());
        } catch (Conflict e) {
            model.addAttribute("errors", List.of("problem.title." + e.code()));
        }
        return show(id, actor, model, locale);
    }

    /** Reads {@code decision.<item>} and {@code reason.<item>} fields. */
    private static List<ItemDecision> decisions(MultiValueMap<String, String> form) {
        List<ItemDecision> out = new ArrayList<>();
        form.forEach((key, values) -> {
            if (key.startsWith("decision.")) {
                String item = key.substring("decision.".length());
                out.add(new ItemDecision(item, values.get(0), form.getFirst("reason." + item)));
            }
        });
        return out;
    }

    private void prepare(UUID personId, List<String> picked, String channel, Actor actor, Model model,
                         Locale locale) {
        var person = persons.find(personId, actor);
        var answer = eligibility.evaluatePerson(personId, BusinessZone.today(clock), ApplicationApi.language(locale),
                actor);
        model.addAttribute("person", person);
        model.addAttribute("answers", answer.items().stream()
                .filter(a -> rules.item(a.item()).isPresent()).toList());
        model.addAttribute("picked", picked);
        model.addAttribute("channel", channel);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("checklist", checklist(picked, channel, locale));
    }

    private List<ApplicationViews.MaterialView> checklist(List<String> items, String channel, Locale locale) {
        Channel c;
        try {
            c = Channel.valueOf(channel);
        } catch (IllegalArgumentException e) {
            c = Channel.STREET_OFFICE;
        }
        String language = ApplicationApi.language(locale);
        return rules.checklist(items, c).stream()
                .map(m -> new ApplicationViews.MaterialView(m, rules.materialName(m, language), false)).toList();
    }
}
