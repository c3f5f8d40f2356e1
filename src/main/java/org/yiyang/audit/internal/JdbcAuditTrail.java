package org.yiyang.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.shared.Actor;
import tools.jackson.databind.json.JsonMapper;

@Component
class JdbcAuditTrail implements AuditTrail {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void record(AuditEvent event) {
        Actor actor = event.actor();
        jdbc.sql("""
                        insert into audit_event (occurred_at, actor_id, actor_username, roles, jurisdiction, event_type,
                                                 object_type, object_id, outcome, reason_code, client_ip, request_id,
                                                 reason, details)
                        values (:at, :actorId, :username, :roles, :jurisdiction, :type, :objectType, :objectId,
                                :outcome, :reasonCode, :ip, :requestId, :reason, cast(:details as jsonb))
                        """)
                .param("at", Timestamp.from(clock.instant()))
                .param("actorId", actor == null ? null : actor.userId())
                .param("username", actor == null ? null : actor.username())
                .param("roles", actor == null ? new String[0]
                        : actor.roles().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("jurisdiction", actor == null ? null : actor.jurisdictionCode())
                .param("type", event.type())
                .param("objectType", event.objectType())
                .param("objectId", event.objectId())
                .param("outcome", event.outcome().name())
                .param("reasonCode", event.reasonCode())
                .param("ip", requestAttribute(RequestIdFilter.CLIENT_IP))
                .param("requestId", requestAttribute(RequestIdFilter.REQUEST_ID))
                .param("reason", event.reason())
                .param("details", event.details().isEmpty() ? null : JSON.writeValueAsString(event.details()))
                .update();
    }

    private static @Nullable String requestAttribute(String name) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object value = attributes == null ? null : attributes.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
        return value == null ? null : value.toString();
    }
}
