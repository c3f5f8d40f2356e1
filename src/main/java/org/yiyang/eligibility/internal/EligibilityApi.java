package org.yiyang.eligibility.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.eligibility.Eligibility;
import org.yiyang.eligibility.EligibilityAnswer;
import org.yiyang.eligibility.PersonFacts;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.InvalidInput;

/** Eligibility: the stateless calculator, a registered person's eligibility, and the people an item selects. */
@RestController
@Tag(name = "eligibility", description = "Service list eligibility (基本养老服务清单)")
class EligibilityApi {
    private final Eligibility eligibility;
    private final Clock clock;

    EligibilityApi(Eligibility eligibility, Clock clock) {
        this.eligibility = eligibility;
        this.clock = clock;
    }

    /** The calculator's request: the facts held on {@code asOf} (today when absent). */
    record EvaluateRequest(@Nullable LocalDate asOf, @Nullable PersonFacts person) {
    }

    @PreAuthorize(Access.STAFF)
    @PostMapping("/api/v1/eligibility/evaluate")
    @Operation(summary = "Evaluate every item of the list version in force for facts given inline",
            description = "A fact left out is unknown: items depending on it answer eligible: null with missingFacts")
    EligibilityAnswer evaluate(@RequestBody EvaluateRequest request, Actor actor, Locale locale) {
        if (request.person() == null) {
            throw InvalidInput.of("person", "REQUIRED");
        }
        return eligibility.evaluate(request.person(), asOf(request.asOf()), language(locale), actor);
    }

    @PreAuthorize(Access.RESIDENT_REGISTRARS)
    @GetMapping("/api/v1/persons/{id}/eligibility")
    @Operation(summary = "Evaluate every item for a registered person, from the registry and the shared assessment")
    EligibilityAnswer person(@PathVariable UUID id,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                             @Nullable LocalDate asOf, Actor actor, Locale locale) {
        return eligibility.evaluatePerson(id, asOf(asOf), language(locale), actor);
    }

    @PreAuthorize(Access.RESIDENT_REGISTRARS)
    @GetMapping("/api/v1/eligibility/items/{item}/people")
    @Operation(summary = "The people in the caller's jurisdiction whom an item selects on a date (the rule run as SQL)")
    Eligibility.EligiblePeople people(@PathVariable String item,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                      @Nullable LocalDate asOf,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size, Actor actor) {
        return eligibility.eligibleFor(item, asOf(asOf), page, size, actor);
    }

    private LocalDate asOf(@Nullable LocalDate asOf) {
        return asOf != null ? asOf : BusinessZone.today(clock);
    }

    static String language(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? "zh-CN" : "en";
    }
}
