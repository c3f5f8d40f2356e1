package org.yiyang.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;

/**
 * Wraps password authentication: audits every success and failure, slows repeated failures down (growing delays),
 * locks the account after {@code yiyang.security.lockout.max-failures} failures for
 * {@code yiyang.security.lockout.duration}, and on locking revokes the user's API tokens and ends their sessions.
 * Every failure looks the same to the caller, whether or not the user exists.
 */
class LoginGuard implements AuthenticationManager {
    private final AuthenticationManager passwords;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApiTokens tokens;
    private final SessionRegistry sessions;
    private final Clock clock;
    private final Settings settings;

    record Settings(int maxFailures, Duration lockFor, Duration delayBase) {
    }

    LoginGuard(AuthenticationManager passwords, JdbcClient jdbc, AuditTrail audit, ApiTokens tokens,
               SessionRegistry sessions, Clock clock, Settings settings) {
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.audit = audit;
        this.tokens = tokens;
        this.sessions = sessions;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = String.valueOf(request.getName());
        Optional<UUID> user = jdbc.sql("select id from user_account where username = :u").param("u", username)
                .query(UUID.class).optional();
        try {
            Authentication result = passwords.authenticate(request);
            var principal = (UserPrincipal) result.getPrincipal();
            jdbc.sql("update user_account set failed_logins = 0, last_login_at = :now where id = :id")
                    .param("now", Timestamp.from(clock.instant())).param("id", principal.actor().userId()).update();
            audit.record(AuditEvent.success("LOGIN", principal.actor(), "user", principal.actor().userId()));
            return result;
        } catch (LockedException e) {
            audit.record(failure(user, "ACCOUNT_LOCKED"));
            throw new BadCredentialsException("bad credentials");
        } catch (AuthenticationException e) {
            if (user.isEmpty()) {
                audit.record(failure(user, "UNKNOWN_USER"));
            } else {
                registerFailure(user.get());
            }
            throw new BadCredentialsException("bad credentials");
        }
    }

    private void registerFailure(UUID userId) {
        int failures = jdbc.sql("""
                        update user_account set failed_logins = failed_logins + 1 where id = :id
                        returning failed_logins
                        """).param("id", userId).query(Integer.class).single();
        if (failures >= settings.maxFailures()) {
            lock(userId);
            return;
        }
        audit.record(failure(Optional.of(userId), "BAD_PASSWORD").withDetails(Map.of("failures", failures)));
        pause(failures);
    }

    /** Locks the account for the configured time, revokes its tokens and ends its sessions. */
    void lock(UUID userId) {
        jdbc.sql("update user_account set failed_logins = 0, locked_until = :until where id = :id")
                .param("until", Timestamp.from(clock.instant().plus(settings.lockFor()))).param("id", userId).update();
        int revoked = tokens.revokeAllOf(userId);
        int ended = endSessions(userId);
        audit.record(new AuditEvent("LOCKOUT", null, "user", userId.toString(), AuditEvent.Outcome.SUCCESS,
                "TOO_MANY_FAILURES", null, Map.of("tokensRevoked", revoked, "sessionsEnded", ended)));
    }

    int endSessions(UUID userId) {
        int ended = 0;
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof UserPrincipal p && p.actor().userId().equals(userId)) {
                for (var session : sessions.getAllSessions(principal, false)) {
                    session.expireNow();
                    ended++;
                }
            }
        }
        return ended;
    }

    private static AuditEvent failure(Optional<UUID> user, String reason) {
        var event = AuditEvent.failure("LOGIN", null, reason);
        return user.map(id -> event.withObject("user", id)).orElse(event);
    }

    private void pause(int failures) {
        long millis = Math.min(settings.delayBase().toMillis() << Math.min(failures - 1, 5), 4_000);
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
