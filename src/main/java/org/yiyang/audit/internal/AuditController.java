package org.yiyang.audit.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.yiyang.shared.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Role;

/** The audit trail for the audit administrator and auditors; every search is itself audited. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit")
class AuditController {
    private final AuditSearch search;
    private final AuditChain chain;
    private final AuditTrail trail;

    AuditController(AuditSearch search, AuditChain chain, AuditTrail trail) {
        this.search = search;
        this.chain = chain;
        this.trail = trail;
    }

    @Operation(summary = "Search the audit trail by actor, object, event type and time")
    @PreAuthorize(Access.AUDIT)
    @GetMapping("/events")
    AuditSearch.Page events(Actor actor, @RequestParam(required = false) @Nullable UUID actorId,
                            @RequestParam(required = false) @Nullable String objectType,
                            @RequestParam(required = false) @Nullable String objectId,
                            @RequestParam(required = false) @Nullable String type,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                            @Nullable Instant from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                            @Nullable Instant to,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        actor.require(Role.AUDIT_ADMIN, Role.AUDITOR);
        var criteria = new AuditSearch.Criteria(actorId, objectType, objectId, type, from, to);
        var result = search.find(criteria, Math.max(0, page), Math.min(Math.max(1, size), 500));
        trail.record(AuditEvent.success("AUDIT_QUERY", actor, "audit_event", null)
                .withDetails(Map.of("criteria", criteria.describe(), "results", result.total())));
        return result;
    }

    record Verification(boolean intact, @Nullable Long brokenAtEventId, @Nullable String problem) {
    }

    @Operation(summary = "Verify the audit hash chain; reports the first broken link")
    @PreAuthorize(Access.AUDIT_ADMIN)
    @GetMapping("/verification")
    Verification verify(Actor actor) {
        actor.require(Role.AUDIT_ADMIN);
        var broken = chain.verify();
        trail.record(AuditEvent.success("AUDIT_VERIFY", actor, "audit_event", null)
                .withDetails(Map.of("intact", broken.isEmpty())));
        return broken.map(b -> new Verification(false, b.eventId(), b.problem()))
                .orElseGet(() -> new Verification(true, null, null));
    }

}
