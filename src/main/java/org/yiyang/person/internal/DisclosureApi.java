package org.yiyang.person.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.person.PersonalDataDisclosure;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;

/** Unmasking one resident's data, and break-the-glass emergency access; each needs a typed reason. */
@PreAuthorize(Access.STAFF)
@RestController
@RequestMapping("/api/v1/persons/{id}")
@Tag(name = "persons")
class DisclosureApi {
    private final PersonalDataDisclosure disclosure;

    DisclosureApi(PersonalDataDisclosure disclosure) {
        this.disclosure = disclosure;
    }

    record Reason(@Nullable String reason) {
    }

    @Operation(summary = "Show one resident's ID number, phone and address in full (reason required, audited)")
    @PostMapping("/unmask")
    PersonalDataDisclosure.Unmasked unmask(@PathVariable UUID id, @RequestBody Reason body, Actor actor) {
        return disclosure.unmask(id, body.reason(), actor);
    }

    @Operation(summary = "Emergency access to a resident anywhere in the city for a limited time (reason required, "
            + "audited, supervisors notified)")
    @PostMapping("/break-glass")
    PersonalDataDisclosure.EmergencyView breakTheGlass(@PathVariable UUID id, @RequestBody Reason body, Actor actor) {
        return disclosure.breakTheGlass(id, body.reason(), actor);
    }

    @Operation(summary = "The emergency details again while the caller's break-the-glass grant runs")
    @GetMapping("/emergency-view")
    PersonalDataDisclosure.EmergencyView emergencyView(@PathVariable UUID id, Actor actor) {
        return disclosure.emergencyView(id, actor);
    }
}
