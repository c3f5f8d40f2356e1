package org.yiyang.citizen.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.citizen.CitizenAccounts;
import org.yiyang.person.Consents;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;

/** Street workers and district officers: citizen accounts and the authorities persons give them (ADR 0008). */
@PreAuthorize(Access.CITIZEN_REGISTRARS)
@RestController
@Tag(name = "citizens", description = "Citizen accounts and their authorities")
class CitizenAdministrationApi {
    private final CitizenAccounts citizens;

    CitizenAdministrationApi(CitizenAccounts citizens) {
        this.citizens = citizens;
    }

    @Operation(summary = "Register a citizen account (optionally the resident it is); password change at first login")
    @PostMapping("/api/v1/citizens")
    ResponseEntity<Map<String, UUID>> register(@RequestBody CitizenAccounts.NewCitizen body, Actor actor) {
        UUID id = citizens.register(body, actor);
        return ResponseEntity.created(URI.create("/api/v1/citizens/" + id)).body(Map.of("id", id));
    }

    @Operation(summary = "Citizen accounts registered within the caller's jurisdiction")
    @GetMapping("/api/v1/citizens")
    CitizenAccounts.CitizenPage list(@RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size, Actor actor) {
        return citizens.list(page, size, actor);
    }

    @Operation(summary = "A citizen account with the resident it is and its authorities (in force or not)")
    @GetMapping("/api/v1/citizens/{id}")
    CitizenAccounts.CitizenView find(@PathVariable UUID id, Actor actor) {
        return citizens.find(id, actor);
    }

    @Operation(summary = "Record that a person authorised the account to act for them (proof document, period)")
    @PostMapping("/api/v1/citizens/{id}/authorities")
    @ResponseStatus(HttpStatus.CREATED)
    Consents.Consent grant(@PathVariable UUID id, @RequestBody CitizenAccounts.NewAuthority body, Actor actor) {
        return citizens.grant(id, body, actor);
    }

    @Operation(summary = "Revoke an authority; it stops holding at once")
    @PostMapping("/api/v1/citizens/{id}/authorities/{authorityId}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id, @PathVariable UUID authorityId, Actor actor) {
        citizens.revoke(id, authorityId, actor);
    }
}
