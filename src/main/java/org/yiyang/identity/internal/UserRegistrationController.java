package org.yiyang.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.identity.UserAccounts;
import org.yiyang.region.Regions;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;
import org.yiyang.shared.Role;

/**
 * The security administrator creates accounts and changes roles and jurisdictions; every change is audited with the
 * roles before and after. New users must change the given password at first login.
 */
@PreAuthorize(Access.SECURITY_ADMIN)
@RestController
@Tag(name = "users")
class UserRegistrationController {
    private final UserAccounts accounts;
    private final Regions regions;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final LoginGuard guard;
    private final ApiTokens tokens;
    private final SecondFactor secondFactor;

    UserRegistrationController(UserAccounts accounts, Regions regions, JdbcClient jdbc, AuditTrail audit,
                               LoginGuard guard, ApiTokens tokens, SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
        this.accounts = accounts;
        this.regions = regions;
        this.jdbc = jdbc;
        this.audit = audit;
        this.guard = guard;
        this.tokens = tokens;
    }

    record NewUser(@Nullable String username, @Nullable String password, @Nullable List<String> roles,
                   @Nullable String jurisdiction, @Nullable UUID providerId, @Nullable String displayName) {
        @Override
        public String toString() {
            return "NewUser[" + username + "]";
        }
    }

    record RoleChange(@Nullable List<String> roles, @Nullable String jurisdiction) {
    }

    @Operation(summary = "Create an account (roles, jurisdiction); the password must be changed at first login")
    @PostMapping("/api/v1/users")
    @Transactional
    ResponseEntity<Map<String, UUID>> create(@RequestBody NewUser body, Actor actor) {
        actor.require(Role.SECURITY_ADMIN);
        Set<Role> roles = roles(body.roles());
        var region = jurisdiction(body.jurisdiction());
        UUID id = accounts.create(body.username() == null ? "" : body.username().strip(),
                body.password() == null ? "" : body.password(), roles, region.code(), region.path(),
                body.providerId(), body.displayName());
        jdbc.sql("update user_account set must_change_password = true where id = :id").param("id", id).update();
        audit.record(new AuditEvent("USER_CREATED", actor, "user", id.toString(), AuditEvent.Outcome.SUCCESS, null,
                null, Map.of("roles", sorted(roles), "jurisdiction", region.code())));
        return ResponseEntity.created(URI.create("/api/v1/users/" + id)).body(Map.of("id", id));
    }

    @Operation(summary = "Change a user's roles and jurisdiction; their sessions and tokens end")
    @PutMapping("/api/v1/users/{id}/roles")
    @Transactional
    Map<String, Object> changeRoles(@PathVariable UUID id, @RequestBody RoleChange body, Actor actor) {
        actor.require(Role.SECURITY_ADMIN);
        String before = jdbc.sql("select array_to_string(roles, ',') from user_account where id = :id")
                .param("id", id).query(String.class).optional().orElseThrow(() -> new NotFound("user"));
        Set<Role> roles = roles(body.roles());
        UserAccounts.checkSeparationOfDuties(roles);
        var region = jurisdiction(body.jurisdiction());
        jdbc.sql("""
                        update user_account set roles = :roles, jurisdiction_code = :code,
                               jurisdiction_path = cast(:path as ltree) where id = :id
                        """)
                .param("roles", roles.stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("code", region.code()).param("path", region.path()).param("id", id).update();
        int sessions = guard.endSessions(id);
        int revoked = tokens.revokeAllOf(id);
        audit.record(new AuditEvent("ROLES_CHANGED", actor, "user", id.toString(), AuditEvent.Outcome.SUCCESS, null,
                null, Map.of("before", before, "after", sorted(roles), "jurisdiction", region.code(),
                "sessionsEnded", sessions, "tokensRevoked", revoked)));
        return Map.of("roles", sorted(roles), "jurisdiction", region.code());
    }

    @Operation(summary = "After a key rotation, move second-factor secrets to the current key (rerun to resume)")
    @PostMapping("/api/v1/security/reencryption/second-factors")
    Map<String, Integer> reencryptSecondFactors(Actor actor) {
        return Map.of("moved", secondFactor.reencrypt(actor));
    }

    private static Set<Role> roles(@Nullable List<String> names) {
        if (names == null || names.isEmpty()) {
            throw InvalidInput.of("roles", "ROLES_REQUIRED");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.of("roles", "ROLE_UNKNOWN");
            }
        }
        return roles;
    }

    private org.yiyang.region.Region jurisdiction(@Nullable String code) {
        if (code == null || code.isBlank()) {
            throw InvalidInput.of("jurisdiction", "REQUIRED");
        }
        return regions.find(code.strip()).orElseThrow(() -> InvalidInput.of("jurisdiction", "REGION_UNKNOWN"));
    }

    private static String sorted(Set<Role> roles) {
        return String.join(",", roles.stream().map(Enum::name).sorted().toList());
    }
}
