package org.yiyang.citizen.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyang.citizen.CitizenAccounts;
import org.yiyang.person.PersonRegistry;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Conflict;
import org.yiyang.shared.FieldMessages;
import org.yiyang.shared.FieldProblem;
import org.yiyang.shared.InvalidInput;

/**
 * The street office's pages for citizen accounts (ADR 0008): register an account (optionally the resident it is),
 * see it with its authorities, record an authority and revoke one. Persons are picked by ID number typed into a
 * posted form (never in a URL) and found within the jurisdiction; everything else is {@link CitizenAccounts}'s rules.
 */
@Controller
@PreAuthorize(Access.CITIZEN_REGISTRARS)
class CitizenAccountPages {
    private final CitizenAccounts citizens;
    private final PersonRegistry persons;
    private final MessageSource messages;

    CitizenAccountPages(CitizenAccounts citizens, PersonRegistry persons, MessageSource messages) {
        this.citizens = citizens;
        this.persons = persons;
        this.messages = messages;
    }

    @GetMapping("/citizens")
    String list(@RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
        return listPage(Math.max(0, page), actor, model, Map.of(), Map.of(), null);
    }

    @PostMapping("/citizens")
    String register(@RequestParam(required = false) @Nullable String username,
                    @RequestParam(required = false) @Nullable String password,
                    @RequestParam(required = false) @Nullable String displayName,
                    @RequestParam(required = false) @Nullable String personIdNumber, Actor actor, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username == null ? "" : username);
        form.put("displayName", displayName == null ? "" : displayName);
        try {
            UUID person = blank(personIdNumber) ? null : personByIdNumber(personIdNumber, "personIdNumber", actor);
            UUID id = citizens.register(new CitizenAccounts.NewCitizen(username, password, displayName, person),
                    actor);
            return "redirect:/citizens/" + id;
        } catch (InvalidInput e) {
            return listPage(0, actor, model, form, messages(e.problems()), null);
        } catch (Conflict e) {
            return listPage(0, actor, model, form, Map.of(), e.code());
        }
    }

    private String listPage(int page, Actor actor, Model model, Map<String, String> form, Map<String, String> errors,
                            @Nullable String conflict) {
        model.addAttribute("result", citizens.list(page, 50, actor));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        return "citizen/accounts";
    }

    @GetMapping("/citizens/{id}")
    String show(@PathVariable UUID id, Actor actor, Model model) {
        return accountPage(id, actor, model, Map.of(), Map.of(), null);
    }

    @PostMapping("/citizens/{id}/authorities")
    String grant(@PathVariable UUID id, @RequestParam(required = false) @Nullable String personIdNumber,
                 @RequestParam(required = false) @Nullable String relation,
                 @RequestParam(required = false) @Nullable String givenBy,
                 @RequestParam(required = false) @Nullable String agentName,
                 @RequestParam(required = false) @Nullable String proofType,
                 @RequestParam(required = false) @Nullable String proofRef,
                 @RequestParam(required = false) @Nullable String validFrom,
                 @RequestParam(required = false) @Nullable String validTo, Actor actor, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("relation", relation == null ? "" : relation);
        form.put("givenBy", givenBy == null ? "" : givenBy);
        form.put("agentName", agentName == null ? "" : agentName);
        form.put("proofType", proofType == null ? "" : proofType);
        form.put("proofRef", proofRef == null ? "" : proofRef);
        form.put("validFrom", validFrom == null ? "" : validFrom);
        form.put("validTo", validTo == null ? "" : validTo);
        try {
            var problems = new InvalidInput.Collector();
            LocalDate from = date("validFrom", validFrom, problems);
            LocalDate to = date("validTo", validTo, problems);
            problems.throwIfAny();
            UUID person = blank(personIdNumber) ? null : personByIdNumber(personIdNumber, "personIdNumber", actor);
            if (person == null) {
                throw InvalidInput.of("personIdNumber", "REQUIRED");
            }
            citizens.grant(id, new CitizenAccounts.NewAuthority(person, relation, givenBy, agentName, proofType,
                    proofRef, from, to), actor);
            return "redirect:/citizens/" + id;
        } catch (InvalidInput e) {
            return accountPage(id, actor, model, form, messages(e.problems()), null);
        } catch (Conflict e) {
            return accountPage(id, actor, model, form, Map.of(), e.code());
        }
    }

    @PostMapping("/citizens/{id}/authorities/{authorityId}/revoke")
    String revoke(@PathVariable UUID id, @PathVariable UUID authorityId, Actor actor) {
        citizens.revoke(id, authorityId, actor);
        return "redirect:/citizens/" + id;
    }

    private String accountPage(UUID id, Actor actor, Model model, Map<String, String> form,
                               Map<String, String> errors, @Nullable String conflict) {
        model.addAttribute("view", citizens.find(id, actor));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        return "citizen/account";
    }

    /** The resident holding the ID number within the jurisdiction; a field problem when there is none. */
    private UUID personByIdNumber(String idNumber, String field, Actor actor) {
        var check = persons.checkIdNumber(idNumber);
        if (!check.valid()) {
            throw InvalidInput.of(field, check.error() == null ? "ID_NUMBER_CHARACTERS"
                    : "ID_NUMBER_" + check.error().name());
        }
        var found = persons.search(idNumber, null, 0, 2, actor).items();
        if (found.size() != 1) {
            throw InvalidInput.of(field, "CITIZEN_PERSON_NOT_FOUND");
        }
        return found.get(0).id();
    }

    private static @Nullable LocalDate date(String field, @Nullable String raw, InvalidInput.Collector problems) {
        if (blank(raw)) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            problems.add(field, "DATE_FORMAT");
            return null;
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private Map<String, String> messages(List<FieldProblem> problems) {
        return FieldMessages.byField(problems, messages, LocaleContextHolder.getLocale());
    }
}
