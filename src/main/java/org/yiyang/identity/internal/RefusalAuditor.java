package org.yiyang.identity.internal;

import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.shared.AccessRefused;

/** Audits refusals raised by application services ({@link AccessRefused}), after their transaction rolled back. */
@Component
class RefusalAuditor {
    private final AuditTrail audit;

    RefusalAuditor(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void on(AccessRefused refused) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        var actor = auth != null && auth.getPrincipal() instanceof UserPrincipal p ? p.actor() : null;
        audit.record(new AuditEvent("AUTHORIZATION_DENIED", actor, null, null, AuditEvent.Outcome.FAILURE,
                "SERVICE_RULE", null, Map.of()));
    }
}
