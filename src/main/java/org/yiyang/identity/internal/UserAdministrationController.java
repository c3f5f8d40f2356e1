package org.yiyang.identity.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.yiyang.shared.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.shared.Actor;
import org.yiyang.shared.NotFound;
import org.yiyang.shared.Role;

/** The security administrator's levers over accounts: end sessions, disable, enable, reset the second factor. */
@PreAuthorize(Access.SECURITY_ADMIN)
@RestController
@RequestMapping("/api/v1/users/{id}")
@Tag(name = "users")
class UserAdministrationController {
    private final JdbcClient jdbc;
    private final LoginGuard guard;
    private final ApiTokens tokens;
    private final SecondFactor secondFactor;
    private final AuditTrail audit;

    UserAdministrationController(JdbcClient jdbc, LoginGuard guard, ApiTokens tokens, SecondFactor secondFactor,
                                 AuditTrail audit) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.tokens = tokens;
        this.secondFactor = secondFactor;
        this.audit = audit;
    }

    record Ended(int sessions, int tokens) {
    }

    @Operation(summary = "End all sessions and revoke all API tokens of a user")
    @DeleteMapping("/sessions")
    Ended endSessions(Actor actor, @PathVariable UUID id) {
        actor.require(Role.SECURITY_ADMIN);
        requireUser(id);
        var ended = new Ended(guard.endSessions(id), tokens.revokeAllOf(id));
        audit.record(new AuditEvent("SESSIONS_ENDED", actor, "user", id.toString(), AuditEvent.Outcome.SUCCESS, null,
                null, Map.of("sessions", ended.sessions(), "tokens", ended.tokens())));
        return ended;
    }

    @Operation(summary = "Disable a user: no login, tokens revoked, sessions ended (the login is never reused)")
    @PostMapping("/disable")
    @Transactional
    Ended disable(Actor actor, @PathVariable UUID id) {
        actor.require(Role.SECURITY_ADMIN);
        requireUser(id);
        jdbc.sql("update user_account set enabled = false where id = :id").param("id", id).update();
        var ended = new Ended(guard.endSessions(id), tokens.revokeAllOf(id));
        audit.record(AuditEvent.success("USER_DISABLED", actor, "user", id));
        return ended;
    }

    @Operation(summary = "Enable a disabled user again")
    @PostMapping("/enable")
    @Transactional
    void enable(Actor actor, @PathVariable UUID id) {
        actor.require(Role.SECURITY_ADMIN);
        requireUser(id);
        jdbc.sql("update user_account set enabled = true, locked_until = null, last_login_at = now() where id = :id")
                .param("id", id).update();
        audit.record(AuditEvent.success("USER_ENABLED", actor, "user", id));
    }

    @Operation(summary = "Reset a user's second factor; they enrol again at next login")
    @PostMapping("/mfa-reset")
    void resetSecondFactor(Actor actor, @PathVariable UUID id) {
        requireUser(id);
        secondFactor.reset(id, actor);
    }

    private void requireUser(UUID id) {
        if (jdbc.sql("select count(*) from user_account where id = :id").param("id", id).query(Long.class)
                .single() == 0) {
            throw new NotFound("user");
        }
    }
}
