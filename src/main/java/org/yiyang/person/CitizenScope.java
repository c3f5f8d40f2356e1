package org.yiyang.person;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.person.internal.PersonStore;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.Conflict;
import org.yiyang.shared.NotFound;
import org.yiyang.shared.Role;

/**
 * The CITIZEN scope (ADR 0008): a citizen account reaches the person it is (when linked by staff) and every person
 * whose authority naming the account — an AGENT {@link Consents consent} with its proof and period — is in force
 * today. The scope is the published SQL function {@code citizen_scope(user_id, day)}; every citizen-facing query of
 * this and other modules selects through it, so a person outside it is not found (404), never filtered in memory.
 */
@Service
public class CitizenScope {
    private final JdbcClient jdbc;
    private final PersonStore store;
    private final PersonRegistry registry;
    private final Consents consents;
    private final AuditTrail audit;
    private final Clock clock;

    CitizenScope(JdbcClient jdbc, PersonStore store, PersonRegistry registry, Consents consents, AuditTrail audit,
                 Clock clock) {
        this.jdbc = jdbc;
        this.consents = consents;
        this.store = store;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A person the citizen may see, whether it is the account's own person and, for anyone else, who the citizen is
     * to them under the authority in force (family or agent).
     */
    public record ScopedPerson(PersonView person, boolean self, Consents.@Nullable Relation relation) {
    }

    /**
     * Links a citizen account to the resident it is (after the street office checked the ID document). The person
     * must be within the actor's jurisdiction ({@link NotFound}); a person or account already linked is a
     * {@link Conflict}. The caller (the citizen module) checks that the account is a citizen account.
     */
    @Transactional
    public void linkAccount(UUID userId, UUID personId, Actor actor) {
        actor.require(Consents.AUTHORITY_RECORDERS);
        store.findWithin(personId, actor.jurisdictionPath()).orElseThrow(() -> new NotFound("person"));
        try {
            int inserted = jdbc.sql("""
                            insert into person_account (user_id, person_id, linked_by, linked_at)
                            values (:u, :p, :by, :at) on conflict do nothing
                            """)
                    .param("u", userId).param("p", personId).param("by", actor.userId())
                    .param("at", Timestamp.from(clock.instant())).update();
            if (inserted == 0) {
                throw new Conflict("ACCOUNT_ALREADY_LINKED", Map.of());
            }
        } catch (DuplicateKeyException e) {
            throw new Conflict("ACCOUNT_ALREADY_LINKED", Map.of());
        }
        audit.record(AuditEvent.success("CITIZEN_ACCOUNT_LINKED", actor, "person", personId)
                .withDetails(Map.of("user", userId.toString())));
    }

    /**
     * The resident a citizen account is, if linked: for the account itself, or for staff when the person is within
     * their jurisdiction (otherwise empty, as if unlinked).
     */
    @Transactional(readOnly = true)
    public Optional<UUID> linkedPerson(UUID userId, Actor actor) {
        String path;
        if (actor.has(Role.CITIZEN) && actor.userId().equals(userId)) {
            path = null;
        } else {
            actor.require(Consents.AUTHORITY_RECORDERS);
            path = actor.jurisdictionPath();
        }
        return jdbc.sql("""
                        select a.person_id from person_account a join person p on p.id = a.person_id
                        where a.user_id = :u
                          and (cast(:path as text) is null or p.residence_path <@ cast(:path as ltree))
                        """)
                .param("u", userId).param("path", path).query(UUID.class).optional();
    }

    /** Every person the citizen may see today, the account's own person first, each masked. Audited with ids. */
    @Transactional
    public List<ScopedPerson> persons(Actor citizen) {
        citizen.require(Role.CITIZEN);
        Optional<UUID> self = linkedPerson(citizen.userId(), citizen);
        LocalDate today = BusinessZone.today(clock);
        List<ScopedPerson> persons = store.citizenScope(citizen.userId(), today).stream()
                .map(r -> scoped(r, self.filter(r.id()::equals).isPresent(), citizen, today))
                .sorted((a, b) -> Boolean.compare(b.self(), a.self()))
                .toList();
        audit.record(AuditEvent.success("CITIZEN_SCOPE_READ", citizen, "person", null)
                .withDetails(Map.of("persons", persons.size())));
        return persons;
    }

    /** One person in the citizen's scope today, masked; {@link NotFound} for anyone else. Audited. */
    @Transactional
    public ScopedPerson find(UUID personId, Actor citizen) {
        citizen.require(Role.CITIZEN);
        LocalDate today = BusinessZone.today(clock);
        var row = store.findInCitizenScope(personId, citizen.userId(), today)
                .orElseThrow(() -> new NotFound("person"));
        audit.record(AuditEvent.success("PERSON_READ", citizen, "person", personId));
        boolean self = linkedPerson(citizen.userId(), citizen).filter(personId::equals).isPresent();
        return scoped(row, self, citizen, today);
    }

    private ScopedPerson scoped(PersonStore.Row row, boolean self, Actor citizen, LocalDate today) {
        return new ScopedPerson(registry.view(row), self,
                self ? null : consents.relationOf(citizen.userId(), row.id(), today).orElse(null));
    }
}
