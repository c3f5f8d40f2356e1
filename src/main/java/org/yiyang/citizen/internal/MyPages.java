package org.yiyang.citizen.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yiyang.citizen.MyEntitlements;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;

/** The elder's own page: for themselves and each person they act for, the entitlements in plain language. */
@Controller
@PreAuthorize(Access.CITIZEN)
class MyPages {
    private final MyEntitlements entitlements;

    MyPages(MyEntitlements entitlements) {
        this.entitlements = entitlements;
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
