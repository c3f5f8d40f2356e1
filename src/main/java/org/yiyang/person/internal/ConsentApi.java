package org.yiyang.person.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.person.Consents;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;

/** Recording, listing and withdrawing a resident's consents. */
@PreAuthorize(Access.RESIDENT_REGISTRARS)
@RestController
@RequestMapping("/api/v1/persons/{id}/consents")
@Tag(name = "persons")
class ConsentApi {
    private final Consents consents;

    ConsentApi(Consents consents) {
        this.consents = consents;
    }

    @Operation(summary = "A resident's consents, with whether each is in force today")
    @GetMapping
    List<Consents.Consent> list(@PathVariable UUID id, Actor actor) {
        return consents.list(id, actor);
    }

    @Operation(summary = "Record a consent (scope, who gave it, proof document, period)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Consents.Consent record(@PathVariable UUID id, @RequestBody Consents.NewConsent body, Actor actor) {
        return consents.record(id, body, actor);
    }

    @Operation(summary = "Withdraw a consent; it stops holding at once")
    @PostMapping("/{consentId}/withdraw")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable UUID id, @PathVariable UUID consentId, Actor actor) {
        consents.withdraw(id, consentId, actor);
    }
}
