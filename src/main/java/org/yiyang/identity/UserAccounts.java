package org.yiyang.identity;

import org.yiyang.shared.SystemUse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Role;

/** The user registry: creating accounts (passwords hashed through the delegating encoder) and looking them up. */
@Service
public class UserAccounts {
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditTrail audit;

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, PasswordPolicy policy, AuditTrail audit) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
    }

    /** Street workers and district officers register citizen accounts (ADR 0008); nobody registers themselves. */
    static final Role[] CITIZEN_REGISTRARS = {Role.STREET_WORKER, Role.DISTRICT_OFFICER};

    /** A citizen account as the staff who manage it see it. */
    public record CitizenAccount(UUID id, String username, @Nullable String displayName, String jurisdictionCode,
                                 boolean enabled, Instant createdAt) {
        @Override
        public String toString() {
            return "CitizenAccount[" + id + "]";
        }
    }

    /**
     * Registers a citizen account (an elder, a family member or an agent): the CITIZEN role only, in the registering
     * staff member's jurisdiction (which decides who manages the account, not what it sees), the password policy as
     * for every user, a password change required at first login. Audited.
     */
    @Transactional
    public UUID createCitizen(String username, String rawPassword, @Nullable String displayName, Actor actor) {
        actor.require(CITIZEN_REGISTRARS);
        UUID id = create(username, rawPassword, Set.of(Role.CITIZEN), actor.jurisdictionCode(),
                actor.jurisdictionPath(), null, displayName);
        jdbc.sql("update user_account set must_change_password = true where id = :id").param("id", id).update();
        audit.record(new AuditEvent("USER_CREATED", actor, "user", id.toString(), AuditEvent.Outcome.SUCCESS, null,
                null, Map.of("roles", Role.CITIZEN.name(), "jurisdiction", actor.jurisdictionCode())));
        return id;
    }

    /** A citizen account registered within the actor's jurisdiction; empty for any other account. */
    @Transactional(readOnly = true)
    public Optional<CitizenAccount> citizenWithin(UUID id, Actor actor) {
        actor.require(CITIZEN_REGISTRARS);
        return jdbc.sql(CITIZENS + " and id = :id").param("id", id).param("path", actor.jurisdictionPath())
                .query(UserAccounts::citizen).optional();
    }

    /** The citizen accounts registered within the actor's jurisdiction, by user name, a page at a time. */
    @Transactional(readOnly = true)
    public List<CitizenAccount> citizensWithin(int page, int size, Actor actor) {
        actor.require(CITIZEN_REGISTRARS);
        return jdbc.sql(CITIZENS + " order by username limit :limit offset :offset")
                .param("path", actor.jurisdictionPath()).param("limit", size).param("offset", (long) page * size)
                .query(UserAccounts::citizen).list();
    }

    /** How many citizen accounts are registered within the actor's jurisdiction. */
    @Transactional(readOnly = true)
    public long countCitizensWithin(Actor actor) {
        actor.require(CITIZEN_REGISTRARS);
        return jdbc.sql("select count(*) from user_account where 'CITIZEN' = any(roles)"
                        + " and jurisdiction_path <@ cast(:path as ltree)")
                .param("path", actor.jurisdictionPath()).query(Long.class).single();
    }

    private static final String CITIZENS = "select id, username, display_name, jurisdiction_code, enabled, created_at"
            + " from user_account where 'CITIZEN' = any(roles) and jurisdiction_path <@ cast(:path as ltree)";

    private static CitizenAccount citizen(ResultSet rs, int n) throws SQLException {
        return new CitizenAccount(rs.getObject("id", UUID.class), rs.getString("username"),
                rs.getString("display_name"), rs.getString("jurisdiction_code"), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant());
    }

    /**
     * A new account; the jurisdiction path is the ltree path of the jurisdiction's region. The password must satisfy
     * the {@link PasswordPolicy}; a login that exists (or existed) is refused.
     */
    @Transactional
    @SystemUse("account provisioning by the demo, first setup and administrators' own checked endpoints")
    public UUID create(String username, String rawPassword, Set<Role> roles, String jurisdictionCode,
                       String jurisdictionPath, @Nullable UUID providerId, @Nullable String displayName) {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
            throw org.yiyang.shared.InvalidInput.of("username", "USERNAME_FORMAT");
        }
        if (exists(username)) {
            throw new org.yiyang.shared.Conflict("USERNAME_TAKEN", java.util.Map.of());
        }
        checkSeparationOfDuties(roles);
        policy.check(username, rawPassword);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into user_account (id, username, password_hash, roles, jurisdiction_code, jurisdiction_path,
                                          provider_id, display_name)
                values (:id, :username, :hash, :roles, :code, cast(:path as ltree), :provider, :display)
                """)
                .param("id", id)
                .param("username", username)
                .param("hash", encoder.encode(rawPassword))
                .param("roles", roles.stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("code", jurisdictionCode)
                .param("path", jurisdictionPath)
                .param("provider", providerId)
                .param("display", displayName)
                .update();
        return id;
    }

    /**
     * 三员分立: the system, security and audit administrators are three separate people; an administrator holds
     * exactly one administrator role and no business role.
     */
    @SystemUse("a pure check of a set of roles")
    public static void checkSeparationOfDuties(Set<Role> roles) {
        if (roles.isEmpty()) {
            throw org.yiyang.shared.InvalidInput.of("roles", "ROLES_REQUIRED");
        }
        long admin = roles.stream().filter(ADMINISTRATORS::contains).count();
        if (admin > 0 && roles.size() > 1) {
            throw org.yiyang.shared.InvalidInput.of("roles", "ADMIN_ROLES_EXCLUSIVE");
        }
    }

    static final Set<Role> ADMINISTRATORS = Set.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);

    @SystemUse("account provisioning by the demo, first setup and administrators' own checked endpoints")
    public boolean exists(String username) {
        return jdbc.sql("select count(*) from user_account where username = :u").param("u", username)
                .query(Long.class).single() > 0;
    }

    @SystemUse("account provisioning by the demo, first setup and administrators' own checked endpoints")
    public Optional<UUID> idOf(String username) {
        return jdbc.sql("select id from user_account where username = :u").param("u", username)
                .query(UUID.class).optional();
    }
}
