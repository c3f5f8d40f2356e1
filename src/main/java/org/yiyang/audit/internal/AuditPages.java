package org.yiyang.audit.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;

/** The audit trail page for the audit administrator and auditors; each search is itself audited. */
@PreAuthorize(Access.AUDIT)
@Controller
class AuditPages {
    private final AuditSearch search;
    private final AuditTrail trail;

    AuditPages(AuditSearch search, AuditTrail trail) {
        this.search = search;
        this.trail = trail;
    }

    @GetMapping("/audit")
    String events(Actor actor, @RequestParam(required = false) @Nullable String type,
                  @RequestParam(required = false) @Nullable String objectType,
                  @RequestParam(required = false) @Nullable String objectId,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        var criteria = new AuditSearch.Criteria(null, blank(objectType), blank(objectId), blank(type), null, null);
        var result = search.find(criteria, Math.max(0, page), 50);
        trail.record(AuditEvent.success("AUDIT_QUERY", actor, "audit_event", null)
                .withDetails(Map.of("criteria", criteria.describe(), "results", result.total(), "via", "page")));
        model.addAttribute("result", result);
        model.addAttribute("type", type);
        model.addAttribute("objectType", objectType);
        model.addAttribute("objectId", objectId);
        return "audit/events";
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
