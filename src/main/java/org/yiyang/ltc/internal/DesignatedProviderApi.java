package org.yiyang.ltc.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.ltc.DesignatedProvider;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;

/** Designated LTC service institutions (定点服务机构): registered by LTC officers, listed within the jurisdiction. */
@RestController
@RequestMapping("/api/v1/ltc/designated-providers")
class DesignatedProviderApi {
    private final DesignatedProviderRegistry registry;

    DesignatedProviderApi(DesignatedProviderRegistry registry) {
        this.registry = registry;
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @PostMapping
    @Operation(summary = "Register a designated provider under its service agreement",
            description = "422 with every bad field; 409 LTC_AGREEMENT_EXISTS")
    ResponseEntity<DesignatedProvider> register(@RequestBody DesignatedProviderRegistry.NewDesignation request,
                                                Actor actor) {
        DesignatedProvider p = registry.register(request, actor);
        return ResponseEntity.created(URI.create("/api/v1/ltc/designated-providers/" + p.id())).body(p);
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @PostMapping("/{id}/end")
    @Operation(summary = "End a designated provider's agreement on a day (audited)",
            description = "Lines of later days are refused PROVIDER_NOT_DESIGNATED; 409 LTC_AGREEMENT_ENDED")
    DesignatedProvider end(@org.springframework.web.bind.annotation.PathVariable UUID id,
                           @RequestBody DesignatedProviderRegistry.AgreementEnd request, Actor actor) {
        return registry.end(id, request, actor);
    }

    @PreAuthorize(Access.LTC_OFFICERS)
    @PostMapping("/{id}/suspensions")
    @Operation(summary = "Suspend a designated provider's agreement from a day, to a day or until further notice",
            description = "Lines of days within it are refused PROVIDER_NOT_DESIGNATED (audited)")
    DesignatedProvider suspend(@org.springframework.web.bind.annotation.PathVariable UUID id,
                               @RequestBody DesignatedProviderRegistry.Suspension request, Actor actor) {
        return registry.suspend(id, request, actor);
    }

    @PreAuthorize(Access.LTC)
    @GetMapping
    @Operation(summary = "Designated providers within the caller's jurisdiction")
    List<DesignatedProvider> list(Actor actor) {
        return registry.list(actor);
    }
}
