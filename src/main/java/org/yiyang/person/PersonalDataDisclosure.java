package org.yiyang.person;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.person.internal.PersonStore;
import org.yiyang.shared.AccessRefused;
import org.yiyang.shared.Actor;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;
import org.yiyang.shared.Role;
import org.yiyang.shared.SupervisorNotice;
import org.yiyang.shared.privacy.PersonalDataCipher;

/**
 * Showing personal data unmasked, always with a typed reason and always audited.
 * <ul>
 * <li>Unmask: a user whose role holds the unmask permission ({@code yiyang.security.unmask-roles}) sees one
 * resident's full ID number, phone and address, within their jurisdiction.</li>
 * <li>Break the glass: in an emergency a user whose role may ({@code yiyang.security.break-glass-roles}, default the
 * monitoring operator) opens one resident's emergency details anywhere in the city for a limited time
 * ({@code yiyang.security.break-glass-duration}, default 3 hours); their supervisors are notified.</li>
 * </ul>
 */
@Service
public class PersonalDataDisclosure {
    private static final int MIN_REASON = 4;

    private final PersonStore store;
    private final PersonalDataCipher cipher;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Set<Role> unmaskRoles;
    private final Set<Role> breakGlassRoles;
    private final Duration breakGlassFor;

    PersonalDataDisclosure(PersonStore store, PersonalDataCipher cipher, JdbcClient jdbc, AuditTrail audit,
                           ApplicationEventPublisher events, Clock clock,
                           @Value("${yiyang.security.unmask-roles:DISTRICT_OFFICER,STREET_WORKER}") Set<Role> unmask,
                           @Value("${yiyang.security.break-glass-roles:MONITOR_OPERATOR}") Set<Role> breakGlass,
                           @Value("${yiyang.security.break-glass-duration:PT3H}") Duration breakGlassFor) {
        this.store = store;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.unmaskRoles = Set.copyOf(unmask);
        this.breakGlassRoles = Set.copyOf(breakGlass);
        this.breakGlassFor = breakGlassFor;
    }

    /** A resident's personal data in full. */
    public record Unmasked(UUID personId, String name, String idNumber, @Nullable String phone,
                           @Nullable String address) {
        @Override
        public String toString() {
            return "Unmasked[" + personId + "]";
        }
    }

    /** What an emergency responder sees, and until when the grant lasts. */
    public record EmergencyView(Unmasked person, Instant grantedUntil) {
    }

    @Transactional
    public Unmasked unmask(UUID personId, @Nullable String reason, Actor actor) {
        if (actor.roles().stream().noneMatch(unmaskRoles::contains)) {
            throw new AccessRefused("unmask");
        }
        String why = requireReason(reason);
        var row = store.findWithin(personId, actor.jurisdictionPath()).orElseThrow(() -> new NotFound("person"));
        audit.record(AuditEvent.success("PERSON_UNMASK", actor, "person", personId).withReason(why));
        return open(row);
    }

    /** Opens a resident's emergency details anywhere in the city, for a limited time, with a reason. */
    @Transactional
    public EmergencyView breakTheGlass(UUID personId, @Nullable String reason, Actor actor) {
        if (actor.roles().stream().noneMatch(breakGlassRoles::contains)) {
            throw new AccessRefused("break-glass");
        }
        String why = requireReason(reason);
        String city = actor.jurisdictionPath().split("\\.")[0];
        var row = store.findWithin(personId, city).orElseThrow(() -> new NotFound("person"));
        Instant now = clock.instant();
        Instant until = now.plus(breakGlassFor);
        UUID grant = UUID.randomUUID();
        jdbc.sql("""
                        insert into break_glass_grant (id, user_id, person_id, reason, granted_at, expires_at)
                        values (:id, :user, :person, :reason, :now, :until)
                        """)
                .param("id", grant).param("user", actor.userId()).param("person", personId).param("reason", why)
                .param("now", Timestamp.from(now)).param("until", Timestamp.from(until)).update();
        audit.record(AuditEvent.success("BREAK_THE_GLASS", actor, "person", personId).withReason(why)
                .withDetails(java.util.Map.of("grant", grant.toString(), "until", until.toString())));
        events.publishEvent(new SupervisorNotice(actor.userId(), actor.jurisdictionPath(), "BREAK_THE_GLASS",
                "person", personId.toString()));
        return new EmergencyView(open(row), until);
    }

    /** The emergency details again while a grant of this user for this resident is running; 404 after it ends. */
    @Transactional
    public EmergencyView emergencyView(UUID personId, Actor actor) {
        List<Timestamp> until = jdbc.sql("""
                        select max(expires_at) from break_glass_grant
                        where user_id = :user and person_id = :person and expires_at > :now
                        """)
                .param("user", actor.userId()).param("person", personId)
                .param("now", Timestamp.from(clock.instant())).query(Timestamp.class).list();
        if (until.isEmpty() || until.get(0) == null) {
            throw new NotFound("person");
        }
        String city = actor.jurisdictionPath().split("\\.")[0];
        var row = store.findWithin(personId, city).orElseThrow(() -> new NotFound("person"));
        audit.record(AuditEvent.success("BREAK_THE_GLASS_VIEW", actor, "person", personId));
        return new EmergencyView(open(row), until.get(0).toInstant());
    }

    private Unmasked open(PersonStore.Row row) {
        return new Unmasked(row.id(), row.name(), cipher.decrypt(row.idNumberEnc(),
                PersonalColumns.bound(PersonalColumns.ID_NUMBER, row.id())),
                row.phoneEnc() == null ? null : cipher.decrypt(row.phoneEnc(), PersonalColumns.bound(PersonalColumns.PHONE, row.id())),
                row.addressEnc() == null ? null : cipher.decrypt(row.addressEnc(),
                        PersonalColumns.bound(PersonalColumns.ADDRESS, row.id())));
    }

    private static String requireReason(@Nullable String reason) {
        if (reason == null || reason.strip().length() < MIN_REASON) {
            throw InvalidInput.of("reason", "REASON_REQUIRED");
        }
        return reason.strip().length() > 500 ? reason.strip().substring(0, 500) : reason.strip();
    }
}
