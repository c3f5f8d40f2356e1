package org.yiyang.audit;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.yiyang.shared.Actor;

/**
 * One thing to audit. {@code details} carries counts and codes only (e.g. a bulk job's accepted and rejected rows),
 * never personal data.
 */
public record AuditEvent(String type, @Nullable Actor actor, @Nullable String objectType, @Nullable String objectId,
                         Outcome outcome, @Nullable String reasonCode, @Nullable String reason,
                         Map<String, Object> details) {

    public enum Outcome {
        SUCCESS, FAILURE
    }

    public AuditEvent {
        Objects.requireNonNull(type);
        Objects.requireNonNull(outcome);
        details = Map.copyOf(details);
    }

    public static AuditEvent success(String type, @Nullable Actor actor, @Nullable String objectType,
                                     @Nullable Object objectId) {
        return new AuditEvent(type, actor, objectType, objectId == null ? null : objectId.toString(), Outcome.SUCCESS,
                null, null, Map.of());
    }

    public static AuditEvent failure(String type, @Nullable Actor actor, String reasonCode) {
        return new AuditEvent(type, actor, null, null, Outcome.FAILURE, reasonCode, null, Map.of());
    }

    public AuditEvent withObject(String objectType, Object objectId) {
        return new AuditEvent(type, actor, objectType, objectId.toString(), outcome, reasonCode, reason, details);
    }

    public AuditEvent withReason(String reason) {
        return new AuditEvent(type, actor, objectType, objectId, outcome, reasonCode, reason, details);
    }

    public AuditEvent withDetails(Map<String, Object> details) {
        return new AuditEvent(type, actor, objectType, objectId, outcome, reasonCode, reason, details);
    }
}
