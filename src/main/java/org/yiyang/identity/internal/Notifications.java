package org.yiyang.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;
import org.yiyang.shared.SupervisorNotice;

/**
 * Notices for users. A user's supervisors are the city and district officers and security administrators whose
 * jurisdiction contains the user's; they are told, in the same transaction, of what the notice reports.
 */
@Component
class Notifications {
    private final JdbcClient jdbc;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(SupervisorNotice notice) {
        jdbc.sql("""
                        insert into notification (id, user_id, kind, about_user, object_type, object_id, created_at)
                        select gen_random_uuid(), u.id, :kind, :actor, :otype, :oid, :now from user_account u
                        where u.enabled and u.id <> :actor
                          and u.roles && array['CITY_OFFICER', 'DISTRICT_OFFICER', 'SECURITY_ADMIN']
                          and cast(:path as ltree) <@ u.jurisdiction_path
                        """)
                .param("kind", notice.kind()).param("actor", notice.actorUserId())
                .param("otype", notice.objectType()).param("oid", notice.objectId())
                .param("now", Timestamp.from(clock.instant())).param("path", notice.actorJurisdictionPath())
                .update();
    }

    record Notice(UUID id, String kind, @Nullable UUID aboutUser, @Nullable String objectType,
                  @Nullable String objectId, Instant createdAt) {
    }

    List<Notice> of(UUID userId) {
        return jdbc.sql("""
                        select id, kind, about_user, object_type, object_id, created_at from notification
                        where user_id = :u order by created_at desc limit 100
                        """)
                .param("u", userId)
                .query((rs, n) -> new Notice(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getObject("about_user", UUID.class), rs.getString("object_type"),
                        rs.getString("object_id"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** A user's own notices. */
    @PreAuthorize(Access.SIGNED_IN)
    @RestController
    static class Api {
        private final Notifications notifications;

        Api(Notifications notifications) {
            this.notifications = notifications;
        }

        @GetMapping("/api/v1/notifications")
        List<Notice> mine(Actor actor) {
            return notifications.of(actor.userId());
        }
    }
}
