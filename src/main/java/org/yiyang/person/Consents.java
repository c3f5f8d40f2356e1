package org.yiyang.person;

import org.yiyang.shared.SystemUse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.person.internal.PersonStore;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;

/**
 * Consents (PIPL art. 14, 29): what each elder or their guardian agreed to, with its scope, proof, period and
 * withdrawal. Other modules ask {@link #holds} before sharing data, letting an agent act or showing a photo; a
 * withdrawal takes effect at once.
 */
@Service
public class Consents {
    private final JdbcClient jdbc;
    private final PersonStore persons;
    private final AuditTrail audit;
    private final Clock clock;

    Consents(JdbcClient jdbc, PersonStore persons, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
    }

    public enum Scope { DATA_SHARING, AGENT, PHOTO }

    public enum GivenBy { SELF, GUARDIAN, AGENT }

    public record NewConsent(@Nullable String scope, @Nullable String givenBy, @Nullable String agentName,
                             @Nullable String proofType, @Nullable String proofRef, @Nullable LocalDate validFrom,
                             @Nullable LocalDate validTo) {
    }

    public record Consent(UUID id, Scope scope, GivenBy givenBy, @Nullable String agentName, String proofType,
                          String proofRef, LocalDate validFrom, @Nullable LocalDate validTo, Instant recordedAt,
                          @Nullable Instant withdrawnAt, boolean inForce) {
    }

    @Transactional
    public Consent record(UUID personId, NewConsent c, Actor actor) {
        requirePerson(personId, actor);
        var problems = new InvalidInput.Collector();
        Scope scope = parse(Scope.class, c.scope(), "scope", problems);
        GivenBy givenBy = parse(GivenBy.class, c.givenBy(), "givenBy", problems);
        if (blank(c.proofType())) {
            problems.add("proofType", "REQUIRED");
        }
        if (blank(c.proofRef())) {
            problems.add("proofRef", "REQUIRED");
        }
        if (givenBy == GivenBy.AGENT && blank(c.agentName())) {
            problems.add("agentName", "REQUIRED");
        }
        LocalDate from = c.validFrom() == null ? BusinessZone.today(clock) : c.validFrom();
        if (c.validTo() != null && c.validTo().isBefore(from)) {
            problems.add("validTo", "TAG_PERIOD");
        }
        problems.throwIfAny();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into person_consent (id, person_id, scope, given_by, agent_name, proof_type, proof_ref,
                                                    valid_from, valid_to, recorded_by, recorded_at)
                        values (:id, :person, :scope, :givenBy, :agent, :ptype, :pref, :from, :to, :by, :at)
                        """)
                .param("id", id).param("person", personId).param("scope", scope.name())
                .param("givenBy", givenBy.name()).param("agent", blank(c.agentName()) ? null : c.agentName().strip())
                .param("ptype", c.proofType().strip()).param("pref", c.proofRef().strip())
                .param("from", Date.valueOf(from)).param("to", c.validTo() == null ? null : Date.valueOf(c.validTo()))
                .param("by", actor.userId()).param("at", Timestamp.from(clock.instant())).update();
        audit.record(AuditEvent.success("CONSENT_RECORDED", actor, "person", personId)
                .withDetails(java.util.Map.of("consent", id.toString(), "scope", scope.name())));
        return list(personId, actor).stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    @Transactional
    public void withdraw(UUID personId, UUID consentId, Actor actor) {
        requirePerson(personId, actor);
        int changed = jdbc.sql("""
                        update person_consent set withdrawn_at = :now, withdrawn_by = :by
                        where id = :id and person_id = :person and withdrawn_at is null
                        """)
                .param("now", Timestamp.from(clock.instant())).param("by", actor.userId()).param("id", consentId)
                .param("person", personId).update();
        if (changed == 0) {
            throw new NotFound("consent");
        }
        audit.record(AuditEvent.success("CONSENT_WITHDRAWN", actor, "person", personId)
                .withDetails(java.util.Map.of("consent", consentId.toString())));
    }

    @Transactional(readOnly = true)
    public List<Consent> list(UUID personId, Actor actor) {
        requirePerson(personId, actor);
        Instant now = clock.instant();
        LocalDate today = BusinessZone.today(clock);
        return jdbc.sql("select * from person_consent where person_id = :p order by recorded_at desc")
                .param("p", personId)
                .query((rs, n) -> {
                    Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
                    LocalDate from = rs.getDate("valid_from").toLocalDate();
                    Date to = rs.getDate("valid_to");
                    boolean inForce = withdrawn == null && !from.isAfter(today)
                            && (to == null || !to.toLocalDate().isBefore(today));
                    return new Consent(rs.getObject("id", UUID.class), Scope.valueOf(rs.getString("scope")),
                            GivenBy.valueOf(rs.getString("given_by")), rs.getString("agent_name"),
                            rs.getString("proof_type"), rs.getString("proof_ref"), from,
                            to == null ? null : to.toLocalDate(), rs.getTimestamp("recorded_at").toInstant(),
                            withdrawn == null ? null : withdrawn.toInstant(), inForce);
                }).list();
    }

    /** Whether a consent of this scope is in force for the person on the day (not withdrawn, within its period). */
    @SystemUse("asked by other modules before they share data, let an agent act or show a photo")
    public boolean holds(UUID personId, Scope scope, LocalDate on) {
        return jdbc.sql("""
                        select exists (select 1 from person_consent where person_id = :p and scope = :s
                                       and withdrawn_at is null and valid_from <= :d
                                       and (valid_to is null or valid_to >= :d))
                        """)
                .param("p", personId).param("s", scope.name()).param("d", Date.valueOf(on))
                .query(Boolean.class).single();
    }

    private void requirePerson(UUID personId, Actor actor) {
        actor.require(PersonRegistry.CASE_WORKERS);
        persons.findWithin(personId, actor.jurisdictionPath()).orElseThrow(() -> new NotFound("person"));
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String raw, String field,
                                                         InvalidInput.Collector problems) {
        if (blank(raw)) {
            problems.add(field, "REQUIRED");
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(field, "CONSENT_VALUE_UNKNOWN");
            return null;
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
