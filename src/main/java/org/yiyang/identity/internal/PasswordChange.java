package org.yiyang.identity.internal;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.identity.PasswordPolicy;
import org.yiyang.shared.Actor;
import org.yiyang.shared.InvalidInput;

/** A user changes their own password: the current one is checked, the new one must satisfy the policy. */
@Component
class PasswordChange {
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditTrail audit;

    PasswordChange(JdbcClient jdbc, PasswordEncoder encoder, PasswordPolicy policy, AuditTrail audit) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
    }

    boolean mustChange(UUID userId) {
        return jdbc.sql("select must_change_password from user_account where id = :id").param("id", userId)
                .query(Boolean.class).optional().orElse(false);
    }

    /**
     * Changes the actor's own password. A refusal writes nothing but its audit row, which is kept: the transaction is
     * not rolled back for {@link InvalidInput}, and every check comes before the update.
     */
    @Transactional(noRollbackFor = InvalidInput.class)
    void change(Actor actor, String current, String next) {
        String hash = jdbc.sql("select password_hash from user_account where id = :id").param("id", actor.userId())
                .query(String.class).single();
        if (current == null || !encoder.matches(current, hash)) {
            audit.record(AuditEvent.failure("PASSWORD_CHANGE", actor, "BAD_PASSWORD").withObject("user",
                    actor.userId()));
            throw InvalidInput.of("current", "PASSWORD_WRONG");
        }
        policy.check(actor.username(), next);
        if (encoder.matches(next, hash)) {
            throw InvalidInput.of("password", "PASSWORD_UNCHANGED");
        }
        jdbc.sql("update user_account set password_hash = :h, must_change_password = false where id = :id")
                .param("h", encoder.encode(next)).param("id", actor.userId()).update();
        audit.record(AuditEvent.success("PASSWORD_CHANGE", actor, "user", actor.userId()));
    }
}
