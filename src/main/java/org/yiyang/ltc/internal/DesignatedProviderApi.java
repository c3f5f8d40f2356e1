package org.yiyang.ltc.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
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

    @PreAuthorize(Access.LTC)
    @GetMapping
    @Operation(summary = "Designated providers within the caller's jurisdiction")
    List<DesignatedProvider> list(Actor actor) {
        return registry.list(actor);
    }
}
