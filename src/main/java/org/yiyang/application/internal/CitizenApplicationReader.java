package org.yiyang.application.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.application.CitizenApplications;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.NotFound;
import org.yiyang.shared.Role;
import org.yiyang.shared.privacy.PersonalDataCipher;

/** Applications of a person in a citizen's scope, selected through {@code citizen_scope} in the query itself. */
@Component
class CitizenApplicationReader implements CitizenApplications {
    private final JdbcClient jdbc;
    private final ApplicationStore store;
    private final ApplicationViewer viewer;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;
    private final Applications applications;

    CitizenApplicationReader(JdbcClient jdbc, ApplicationStore store, ApplicationViewer viewer,
                             PersonalDataCipher cipher, AuditTrail audit, Clock clock, Applications applications) {
        this.applications = applications;
        this.jdbc = jdbc;
        this.store = store;
        this.viewer = viewer;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    private record Row(UUID id, String channel, String status, LocalDate submittedOn, @Nullable LocalDate dueOn,
                       boolean dueApproximate, @Nullable LocalDate decidedOn) {
    }

    @Override
    public UUID apply(UUID personId, List<String> items, Actor actor) {
        return applications.submitOnline(personId, items, actor);
    }

    @Override
    @Transactional
    public List<CitizenApplication> ofPerson(UUID personId, Actor actor) {
        actor.require(Role.CITIZEN);
        LocalDate today = BusinessZone.today(clock);
        boolean inScope = jdbc.sql("select exists (select 1 from citizen_scope(:u, :today) s(person_id)"
                        + " where s.person_id = :p)")
                .param("u", actor.userId()).param("today", today).param("p", personId)
                .query(Boolean.class).single();
        if (!inScope) {
            throw new NotFound("person");
        }
        List<Row> rows = jdbc.sql("""
                        select id, channel, status, submitted_on, due_on, due_approximate, decided_on
                        from application
                        where person_id = :p and person_id in (select citizen_scope(:u, :today))
                        order by submitted_at desc
                        """)
                .param("p", personId).param("u", actor.userId()).param("today", today)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("channel"),
                        rs.getString("status"), rs.getObject("submitted_on", LocalDate.class),
                        rs.getObject("due_on", LocalDate.class), rs.getBoolean("due_approximate"),
                        rs.getObject("decided_on", LocalDate.class)))
                .list();
        audit.record(AuditEvent.success("CITIZEN_APPLICATIONS_READ", actor, "person", personId)
                .withDetails(Map.of("applications", rows.size())));
        return rows.stream().map(r -> view(r, today)).toList();
    }

    private CitizenApplication view(Row row, LocalDate today) {
        Map<String, ApplicationStore.Decision> decisions = new HashMap<>();
        for (var d : store.decisions(row.id())) {
            if (d.round().equals("REVIEW") || !decisions.containsKey(d.itemCode())) {
                decisions.put(d.itemCode(), d);
            }
        }
        List<Item> items = store.items(row.id()).stream().map(code -> {
            var d = decisions.get(code);
            return new Item(code, d == null ? null : d.decision(),
                    d == null || d.reasonEnc() == null ? null : cipher.decrypt(d.reasonEnc(), ApplicationViewer.REASON),
                    d == null ? null : d.monthlyAmountFen());
        }).toList();
        Notice notice = null;
        if (row.decidedOn() != null) {
            var n = viewer.notice(row.decidedOn());
            notice = new Notice(n.noticeOn(), n.reviewRequestBy(), n.reviewDecisionWorkingDays(),
                    n.administrativeReviewBy(), n.administrativeReviewDays(), n.litigationBy(), n.litigationMonths(),
                    n.basis());
        }
        List<Grant> grants = store.grants(row.id()).stream()
                .map(g -> new Grant(g.itemCode(), g.monthlyAmountFen(), g.validFrom(), g.validTo())).toList();
        return new CitizenApplication(row.id(), row.channel(), row.status(), row.submittedOn(), row.dueOn(),
                row.dueApproximate(), row.dueOn() != null && row.dueOn().isBefore(today), items, notice, grants);
    }
}
