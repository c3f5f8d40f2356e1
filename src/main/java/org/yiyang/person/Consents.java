package org.yiyang.person;

import org.yiyang.shared.SystemUse;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.yiyang.shared.Role;

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

    /** Who the holder of an authority is to the person: a family member (家属) or another agent (委托代理人). */
    public enum Relation { FAMILY, AGENT }

    public record NewConsent(@Nullable String scope, @Nullable String givenBy, @Nullable String agentName,
                             @Nullable String proofType, @Nullable String proofRef, @Nullable LocalDate validFrom,
                             @Nullable LocalDate validTo) {
    }

    /** A consent; {@code agentUserId} and {@code relation} only on an authority given to a citizen account. */
    public record Consent(UUID id, Scope scope, GivenBy givenBy, @Nullable String agentName, String proofType,
                          String proofRef, LocalDate validFrom, @Nullable LocalDate validTo, Instant recordedAt,
                          @Nullable Instant withdrawnAt, boolean inForce, @Nullable UUID agentUserId,
                          UUID personId, @Nullable Relation relation) {
    }

    @Transactional
    public Consent record(UUID personId, NewConsent c, Actor actor) {
        requirePerson(personId, actor);
        return insert(personId, c, null, actor);
    }

    /**
     * Records an authority (ADR 0008): the person's AGENT consent naming the citizen account it authorises to act for
     * them, with its proof document and a period that must end. Revoked by {@link #withdraw} (or
     * {@link #withdrawAuthority}). The caller checks the account is a citizen account; the person must be within the
     * actor's jurisdiction ({@link NotFound} otherwise).
     */
    @Transactional
    public Consent recordAuthority(UUID personId, UUID agentUserId, @Nullable String relation, NewConsent c,
                                   Actor actor) {
        actor.require(AUTHORITY_RECORDERS);
        requirePerson(personId, actor);
        if (c.scope() != null && !c.scope().isBlank() && !Scope.AGENT.name().equalsIgnoreCase(c.scope().strip())) {
            throw InvalidInput.of("scope", "AUTHORITY_SCOPE_AGENT");
        }
        return insert(personId, new NewConsent(Scope.AGENT.name(), c.givenBy(), c.agentName(), c.proofType(),
                c.proofRef(), c.validFrom(), c.validTo()), new Holder(agentUserId, relation), actor);
    }

    /** The citizen account an authority names, and who its holder is to the person (as typed). */
    private record Holder(UUID userId, @Nullable String relation) {
    }

    /**
     * Who the citizen account is to the person under the authorities in force on the day: {@link Relation#FAMILY}
     * if any authority says so, {@link Relation#AGENT} if only agents' do, empty without one.
     */
    @SystemUse("asked by other modules for a person already found through citizen_scope, to name the channel")
    public Optional<Relation> relationOf(UUID agentUserId, UUID personId, LocalDate on) {
        return jdbc.sql("""
                        select agent_relation from person_consent
                        where agent_user_id = :u and person_id = :p and scope = 'AGENT' and withdrawn_at is null
                          and valid_from <= :d and (valid_to is null or valid_to >= :d)
                        order by agent_relation = 'FAMILY' desc limit 1
                        """)
                .param("u", agentUserId).param("p", personId).param("d", Date.valueOf(on))
                .query((rs, n) -> Relation.valueOf(rs.getString(1))).optional();
    }

    /** Street workers and district officers record and revoke authorities, each within their jurisdiction. */
    static final Role[] AUTHORITY_RECORDERS = {Role.STREET_WORKER, Role.DISTRICT_OFFICER};

    private Consent insert(UUID personId, NewConsent c, @Nullable Holder holder, Actor actor) {
        var problems = new InvalidInput.Collector();
        Scope scope = parse(Scope.class, c.scope(), "scope", problems);
        GivenBy givenBy = parse(GivenBy.class, c.givenBy(), "givenBy", problems);
        UUID agentUserId = holder == null ? null : holder.userId();
        Relation relation = holder == null ? null : parse(Relation.class, holder.relation(), "relation", problems);
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
        if (agentUserId != null && c.validTo() == null) {
            problems.add("validTo", "REQUIRED");
        }
        if (c.validTo() != null && c.validTo().isBefore(from)) {
            problems.add("validTo", "TAG_PERIOD");
        }
        problems.throwIfAny();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into person_consent (id, person_id, scope, given_by, agent_name, proof_type, proof_ref,
                                                    valid_from, valid_to, recorded_by, recorded_at, agent_user_id,
                                                    agent_relation)
                        values (:id, :person, :scope, :givenBy, :agent, :ptype, :pref, :from, :to, :by, :at,
                                :agentUser, :relation)
                        """)
                .param("id", id).param("person", personId).param("scope", scope.name())
                .param("givenBy", givenBy.name()).param("agent", blank(c.agentName()) ? null : c.agentName().strip())
                .param("ptype", c.proofType().strip()).param("pref", c.proofRef().strip())
                .param("from", Date.valueOf(from)).param("to", c.validTo() == null ? null : Date.valueOf(c.validTo()))
                .param("by", actor.userId()).param("at", Timestamp.from(clock.instant()))
                .param("agentUser", agentUserId)
                .param("relation", relation == null ? null : relation.name(), java.sql.Types.VARCHAR).update();
        Map<String, Object> details = new HashMap<>(Map.of("consent", id.toString(), "scope", scope.name()));
        if (agentUserId != null) {
            details.put("agentUser", agentUserId.toString());
            details.put("relation", relation.name());
        }
        audit.record(AuditEvent.success(agentUserId == null ? "CONSENT_RECORDED" : "AUTHORITY_RECORDED", actor,
                "person", personId).withDetails(details));
        return find(id).orElseThrow();
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
                .withDetails(Map.of("consent", consentId.toString())));
    }

    /**
     * Revokes an authority of the account: the AGENT consent naming it, of a person within the actor's jurisdiction
     * ({@link NotFound} otherwise, or when already withdrawn). Takes effect at once.
     */
    @Transactional
    public void withdrawAuthority(UUID agentUserId, UUID consentId, Actor actor) {
        actor.require(AUTHORITY_RECORDERS);
        UUID personId = jdbc.sql("""
                        select c.person_id from person_consent c join person p on p.id = c.person_id
                        where c.id = :id and c.agent_user_id = :u and p.residence_path <@ cast(:path as ltree)
                        """)
                .param("id", consentId).param("u", agentUserId).param("path", actor.jurisdictionPath())
                .query(UUID.class).optional().orElseThrow(() -> new NotFound("consent"));
        withdraw(personId, consentId, actor);
    }

    /**
     * The authorities naming the account, newest first, with whether each is in force today: for staff those of
     * persons within their jurisdiction, for the citizen account itself all of them.
     */
    @Transactional(readOnly = true)
    public List<Consent> authoritiesOf(UUID agentUserId, Actor actor) {
        String path;
        if (actor.has(Role.CITIZEN) && actor.userId().equals(agentUserId)) {
            path = null;
        } else {
            actor.require(AUTHORITY_RECORDERS);
            path = actor.jurisdictionPath();
        }
        return jdbc.sql("""
                        select c.* from person_consent c join person p on p.id = c.person_id
                        where c.agent_user_id = :u
                          and (cast(:path as text) is null or p.residence_path <@ cast(:path as ltree))
                        order by c.recorded_at desc
                        """)
                .param("u", agentUserId).param("path", path).query(this::map).list();
    }

    @Transactional(readOnly = true)
    public List<Consent> list(UUID personId, Actor actor) {
        requirePerson(personId, actor);
        return jdbc.sql("select * from person_consent where person_id = :p order by recorded_at desc")
                .param("p", personId).query(this::map).list();
    }

    private Optional<Consent> find(UUID id) {
        return jdbc.sql("select * from person_consent where id = :id").param("id", id).query(this::map).optional();
    }

    private Consent map(ResultSet rs, int n) throws SQLException {
        LocalDate today = BusinessZone.today(clock);
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        LocalDate from = rs.getDate("valid_from").toLocalDate();
        Date to = rs.getDate("valid_to");
        boolean inForce = withdrawn == null && !from.isAfter(today)
                && (to == null || !to.toLocalDate().isBefore(today));
        return new Consent(rs.getObject("id", UUID.class), Scope.valueOf(rs.getString("scope")),
                GivenBy.valueOf(rs.getString("given_by")), rs.getString("agent_name"),
                rs.getString("proof_type"), rs.getString("proof_ref"), from,
                to == null ? null : to.toLocalDate(), rs.getTimestamp("recorded_at").toInstant(),
                withdrawn == null ? null : withdrawn.toInstant(), inForce, rs.getObject("agent_user_id", UUID.class),
                rs.getObject("person_id", UUID.class),
                rs.getString("agent_relation") == null ? null : Relation.valueOf(rs.getString("agent_relation")));
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
