package org.yiyang.citizen.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.application.CitizenApplications;
import org.yiyang.citizen.MyEntitlements;
import org.yiyang.person.CitizenScope;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;

/** A citizen's own API: the persons they may see and, for each, the entitlements, applications and care level. */
@PreAuthorize(Access.CITIZEN)
@RestController
@Tag(name = "my", description = "A citizen's own entitlements and those of the persons who authorised them")
class MyApi {
    private final MyEntitlements entitlements;
    private final CitizenApplications applications;

    MyApi(MyEntitlements entitlements, CitizenApplications applications) {
        this.entitlements = entitlements;
        this.applications = applications;
    }

    /** The items a citizen applies for online. */
    record OnlineApplication(@Nullable List<String> items) {
    }

    @Operation(summary = "Apply online for a person in scope (ONLINE_SELF for oneself, ONLINE_AGENT when authorised)",
            description = "The same checks and workflow as at the street office; 422 lists every problem")
    @PostMapping("/api/v1/my/persons/{id}/applications")
    ResponseEntity<Map<String, UUID>> apply(@PathVariable UUID id,
            @RequestBody OnlineApplication body, Actor actor) {
        UUID application = applications.apply(id, body.items() == null ? List.of() : body.items(), actor);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("id", application));
    }

    @Operation(summary = "The persons the citizen may see today: themselves and whoever authorised them (masked)")
    @GetMapping("/api/v1/my/persons")
    List<CitizenScope.ScopedPerson> persons(Actor actor) {
        return entitlements.persons(actor);
    }

    @Operation(summary = "A person in scope: entitlements, applications with due dates and notices, care level")
    @GetMapping("/api/v1/my/persons/{id}")
    MyEntitlements.PersonEntitlements person(@PathVariable UUID id, Actor actor, Locale locale) {
        return entitlements.person(id, language(locale), actor);
    }

    static String language(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? "zh-CN" : "en";
    }
}
