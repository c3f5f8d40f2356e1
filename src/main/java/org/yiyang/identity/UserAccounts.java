package org.yiyang.identity;

import org.yiyang.shared.SystemUse;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.shared.Role;

/** The user registry: creating accounts (passwords hashed through the delegating encoder) and looking them up. */
@Service
public class UserAccounts {
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, PasswordPolicy policy) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.policy = policy;
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
