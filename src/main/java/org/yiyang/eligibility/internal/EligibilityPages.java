package org.yiyang.eligibility.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyang.eligibility.Eligibility;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;

/** A resident's entitlements on a date: each item decided, undecided or not, with the clauses that decided it. */
@Controller
@PreAuthorize(Access.RESIDENT_REGISTRARS)
class EligibilityPages {
    private final Eligibility eligibility;
    private final Clock clock;

    EligibilityPages(Eligibility eligibility, Clock clock) {
        this.eligibility = eligibility;
        this.clock = clock;
    }

    @GetMapping("/persons/{id}/eligibility")
    String person(@PathVariable UUID id, @RequestParam(required = false)
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
                  Actor actor, Locale locale, Model model) {
        LocalDate day = asOf != null ? asOf : BusinessZone.today(clock);
        model.addAttribute("personId", id);
        model.addAttribute("answer", eligibility.evaluatePerson(id, day, EligibilityApi.language(locale), actor));
        return "eligibility/person";
    }
}
