package org.yiyang.person.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.yiyang.shared.Access;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.yiyang.person.LivingArrangement;
import org.yiyang.person.PersonRegistry;
import org.yiyang.person.PersonTag;
import org.yiyang.person.PersonView;
import org.yiyang.person.ResidentImports;
import org.yiyang.region.Region;
import org.yiyang.region.RegionLevel;
import org.yiyang.region.Regions;
import org.yiyang.shared.AccessRefused;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Conflict;
import org.yiyang.shared.FieldMessages;
import org.yiyang.shared.FieldProblem;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;

/**
 * Resident pages: search, profile, registration form (re-shown with a message beside each bad field, likely
 * duplicates to confirm, the ID number checked as it is typed) and the import upload. ID numbers travel only in POST
 * bodies, never in URLs.
 */
@PreAuthorize(Access.RESIDENT_REGISTRARS)
@Controller
class PersonPages {
    private final PersonRegistry registry;
    private final ResidentImports imports;
    private final ResidentValidator validator;
    private final Regions regions;
    private final MessageSource messages;

    PersonPages(PersonRegistry registry, ResidentImports imports, ResidentValidator validator, Regions regions,
                MessageSource messages) {
        this.registry = registry;
        this.imports = imports;
        this.validator = validator;
        this.regions = regions;
        this.messages = messages;
    }

    /** The search form posts, so an ID number typed into it never lands in a URL, a history or an access log. */
    @PostMapping("/persons")
    @PreAuthorize(Access.RESIDENT_READERS)
    String searchPosted(@RequestParam(required = false) @Nullable String q,
                        @RequestParam(required = false) @Nullable String region, Actor actor, Model model) {
        return search(q, region, 0, 20, actor, model);
    }

    @GetMapping("/persons")
    @PreAuthorize(Access.RESIDENT_READERS)
    String search(@RequestParam(required = false) @Nullable String q,
                  @RequestParam(required = false) @Nullable String region,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                  Actor actor, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("qIsIdNumber", q != null && registry.checkIdNumber(q).valid());
        model.addAttribute("region", region == null ? "" : region);
        model.addAttribute("regionOptions", regionOptions(actor));
        try {
            model.addAttribute("result", registry.search(q, region, page, size, actor));
        } catch (InvalidInput e) {
            model.addAttribute("result", null);
            model.addAttribute("errors", messages(e.problems()));
        }
        return "person/search";
    }

    private List<Region> regionOptions(Actor actor) {
        var options = new ArrayList<Region>();
        regions.find(actor.jurisdictionCode()).ifPresent(options::add);
        options.addAll(regions.below(actor.jurisdictionCode(), RegionLevel.DISTRICT));
        options.addAll(regions.below(actor.jurisdictionCode(), RegionLevel.STREET_TOWN));
        return options;
    }

    @GetMapping("/persons/{id}")
    @PreAuthorize(Access.RESIDENT_READERS)
    String show(@PathVariable UUID id, Actor actor, Model model) {
        model.addAttribute("person", registry.find(id, actor));
        // provider staff read the record of a client; the case-work pages behind these links are not theirs
        model.addAttribute("caseWork", !actor.providerScoped());
        return "person/show";
    }

    @GetMapping("/persons/new")
    String form(Model model) {
        return showForm(model, RegistrationForm.empty(), Map.of());
    }

    @PostMapping("/persons/new")
    String register(@RequestParam Map<String, String> params, Actor actor, Model model) {
        var form = new RegistrationForm(params);
        ImportRowReader.Read read = form.toRequest();
        if (!read.problems().isEmpty()) {
            var problems = new ArrayList<>(read.problems());
            problems.addAll(validator.validate(read.request(), actor).problems());
            return showForm(model, form, messages(problems));
        }
        try {
            PersonView person = registry.register(read.request(), actor);
            return "redirect:/persons/" + person.id();
        } catch (InvalidInput e) {
            return showForm(model, form, messages(e.problems()));
        } catch (Conflict e) {
            model.addAttribute("conflict", e.code());
            if (e.details().get("personId") instanceof UUID existing) {
                model.addAttribute("existing", existing);
            }
            if (e.details().get("candidates") instanceof List<?> ids) {
                var candidates = new ArrayList<PersonView>();
                for (Object candidate : ids) {
                    candidates.add(registry.find((UUID) candidate, actor));
                }
                model.addAttribute("candidates", candidates);
            }
            return showForm(model, form, Map.of());
        }
    }

    private String showForm(Model model, RegistrationForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("tagRows", java.util.stream.IntStream.range(0, RegistrationForm.TAG_ROWS).boxed().toList());
        model.addAttribute("tags", PersonTag.values());
        model.addAttribute("livingArrangements", LivingArrangement.values());
        return "person/form";
    }

    /** The htmx fragment under the ID number input. */
    @PostMapping("/persons/id-number-check")
    String idNumberCheck(@RequestParam(required = false) @Nullable String idNumber, Model model) {
        model.addAttribute("check", idNumber == null || idNumber.isBlank() ? null : registry.checkIdNumber(idNumber));
        return "person/form :: idcheck";
    }

    @GetMapping("/persons/imports")
    String importForm(Model model) {
        model.addAttribute("errors", Map.of());
        return "person/import";
    }

    @PostMapping("/persons/imports")
    String importFile(@RequestParam("file") MultipartFile file, Actor actor, Model model) throws IOException {
        try {
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            UUID job = imports.importFile(name, file.getBytes(), actor);
            return "redirect:/jobs/" + job;
        } catch (InvalidInput e) {
            model.addAttribute("errors", messages(e.problems()));
            return "person/import";
        }
    }

    // the class's rule would also guard the error handlers: provider staff reading a record outside their scope must
    // still get the 404 page
    @ExceptionHandler(AccessRefused.class)
    @PreAuthorize(Access.SIGNED_IN)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused() {
        return "person/not-found";
    }

    @ExceptionHandler(NotFound.class)
    @PreAuthorize(Access.SIGNED_IN)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "person/not-found";
    }

    private Map<String, String> messages(List<FieldProblem> problems) {
        return FieldMessages.byField(problems, messages, LocaleContextHolder.getLocale());
    }
}
