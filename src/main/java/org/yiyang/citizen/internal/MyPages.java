package org.yiyang.citizen.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyang.application.CitizenApplications;
import org.yiyang.citizen.MyEntitlements;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Conflict;
import org.yiyang.shared.InvalidInput;

/** The elder's own page: for themselves and each person they act for, the entitlements in plain language. */
@Controller
@PreAuthorize(Access.CITIZEN)
class MyPages {
    private final MyEntitlements entitlements;
    private final CitizenApplications applications;

    MyPages(MyEntitlements entitlements, CitizenApplications applications) {
        this.entitlements = entitlements;
        this.applications = applications;
    }

    /** The online application form of the page: the items ticked for one person in scope. */
    @PostMapping("/my/persons/{id}/applications")
    String apply(@PathVariable UUID id,
                 @RequestParam(required = false) List<String> items,
                 Actor actor, Locale locale, Model model) {
        try {
            applications.apply(id, items == null ? List.of() : items, actor);
            return "redirect:/my";
        } catch (InvalidInput e) {
            model.addAttribute("applyErrors", e.problems().stream().map(p -> "problem." + p.code()).distinct()
                    .toList());
        } catch (Conflict e) {
            model.addAttribute("applyErrors", List.of("problem.title." + e.code()));
        }
        return my(actor, locale, model);
    }

    @GetMapping("/my")
    String my(Actor actor, Locale locale, Model model) {
        var overview = entitlements.overview(MyApi.language(locale), actor);
        model.addAttribute("overview", overview);
        // item names of the version in force, for the applications' items
        Map<String, String> names = new HashMap<>();
        overview.persons().forEach(p -> p.eligibility().items().forEach(i -> names.put(i.item(), i.name())));
        model.addAttribute("itemNames", names);
        return "citizen/my";
    }
}
