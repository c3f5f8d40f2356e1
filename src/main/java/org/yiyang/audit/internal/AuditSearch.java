package org.yiyang.audit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the trail with optional filters; all in SQL, newest first. */
@Component
class AuditSearch {
    private final JdbcClient jdbc;

    AuditSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Criteria(@Nullable UUID actorId, @Nullable String objectType, @Nullable String objectId,
                    @Nullable String type, @Nullable Instant from, @Nullable Instant to) {
        String describe() {
            var parts = new ArrayList<String>();
            if (actorId != null) {
                parts.add("actor");
            }
            if (objectType != null) {
                parts.add("objectType=" + objectType);
            }
            if (objectId != null) {
                parts.add("object");
            }
            if (type != null) {
                parts.add("type=" + type);
            }
            if (from != null || to != null) {
                parts.add("period");
            }
            return String.join(",", parts);
        }
    }

    record Row(long id, Instant occurredAt, @Nullable UUID actorId, @Nullable String actorUsername, String roles,
               @Nullable String jurisdiction, String eventType, @Nullable String objectType,
               @Nullable String objectId, String outcome, @Nullable String reasonCode, @Nullable String clientIp,
               @Nullable String requestId, @Nullable String reason, @Nullable String details) {
    }

    record Page(List<Row> items, int page, int size, long total) {
    }

    Page find(Criteria c, int page, int size) {
        var where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (c.actorId() != null) {
            where.append(" and actor_id = :actor");
            params.put("actor", c.actorId());
        }
        if (c.objectType() != null) {
            where.append(" and object_type = :otype");
            params.put("otype", c.objectType());
        }
        if (c.objectId() != null) {
            where.append(" and object_id = :oid");
            params.put("oid", c.objectId());
        }
        if (c.type() != null) {
            where.append(" and event_type = :type");
            params.put("type", c.type());
        }
        if (c.from() != null) {
            where.append(" and occurred_at >= :from");
            params.put("from", Timestamp.from(c.from()));
        }
        if (c.to() != null) {
            where.append(" and occurred_at < :to");
            params.put("to", Timestamp.from(c.to()));
        }
        long total = jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Row> rows = jdbc.sql("""
                        select id, occurred_at, actor_id, actor_username, array_to_string(roles, ',') as roles,
                               jurisdiction, event_type, object_type, object_id, outcome, reason_code, client_ip,
                               request_id, reason, details::text as details
                        from audit_event""" + where + " order by occurred_at desc, id desc limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getObject("actor_id", UUID.class), rs.getString("actor_username"), rs.getString("roles"),
                        rs.getString("jurisdiction"), rs.getString("event_type"), rs.getString("object_type"),
                        rs.getString("object_id"), rs.getString("outcome"), rs.getString("reason_code"),
                        rs.getString("client_ip"), rs.getString("request_id"), rs.getString("reason"),
                        rs.getString("details")))
                .list();
        return new Page(rows, page, size, total);
    }
}
