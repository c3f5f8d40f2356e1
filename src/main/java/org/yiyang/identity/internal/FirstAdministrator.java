package org.yiyang.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.identity.UserAccounts;
import org.yiyang.platform.YiyangProperties;
import org.yiyang.region.Regions;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.Role;

/**
 * No default accounts outside demo mode. When the platform starts on a database without users and the demo is off,
 * it prints a one-time setup token (valid 24 hours) to the console; whoever holds it creates the first system
 * administrator at {@code /setup}, who must change the password at first login.
 */
@Component
class FirstAdministrator {
    private static final Duration VALIDITY = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final YiyangProperties properties;
    private final Regions regions;
    private final TransactionTemplate transactions;

    FirstAdministrator(JdbcClient jdbc, UserAccounts accounts, AuditTrail audit, Clock clock,
                       YiyangProperties properties, Regions regions, TransactionTemplate transactions) {
        this.regions = regions;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    boolean setupOpen() {
        return !properties.demoEnabled() && userCount() == 0;
    }

    @EventListener(ApplicationReadyEvent.class)
    void offerSetupToken() {
        if (setupOpen()) {
            String token = issue();
            // Printed to the console on purpose, once: the operator's only way in. It is not logged by the logger.
            System.out.println("""

                    ==================================================================
                     Yiyang has no users yet. Create the first administrator at /setup
                     with this one-time setup token (valid for 24 hours):

                         %s
                    ==================================================================
                    """.formatted(token));
        }
    }

    @Transactional
    String issue() {
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbc.sql("insert into setup_token (token_hash, created_at, expires_at) values (:h, :now, :exp)")
                .param("h", ApiTokens.hash(token)).param("now", Timestamp.from(clock.instant()))
                .param("exp", Timestamp.from(clock.instant().plus(VALIDITY))).update();
        return token;
    }

    /**
     * Creates the first system administrator with a valid, unused token; the password must change at first login.
     * All of it is one transaction, so a refused password leaves the token unused; a wrong token is audited in a
     * transaction of its own, so that its audit row outlives the refusal.
     */
    UUID createAdministrator(String token, String username, String password) {
        if (!setupOpen()) {
            throw InvalidInput.of("token", "SETUP_CLOSED");
        }
        try {
            return transactions.execute(s -> claimAndCreate(token, username, password));
        } catch (BadToken e) {
            transactions.executeWithoutResult(s ->
                    audit.record(AuditEvent.failure("SETUP_ADMINISTRATOR", null, "BAD_SETUP_TOKEN")));
            throw InvalidInput.of("token", "SETUP_TOKEN_INVALID");
        }
    }

    /** Thrown inside the transaction for a wrong, used or expired token, so that the transaction rolls back. */
    private static final class BadToken extends RuntimeException {
        BadToken() {
            super("setup token not valid", null, false, false);
        }
    }

    private UUID claimAndCreate(String token, String username, String password) {
        int claimed = jdbc.sql("""
                        update setup_token set used_at = :now
                        where token_hash = :h and used_at is null and expires_at > :now
                        """)
                .param("h", ApiTokens.hash(token == null ? "" : token))
                .param("now", Timestamp.from(clock.instant())).update();
        if (claimed != 1) {
            throw new BadToken();
        }
        var city = regions.city();
        UUID id = accounts.create(username, password, Set.of(Role.SYSTEM_ADMIN), city.code(), city.path(), null, null);
        jdbc.sql("update user_account set must_change_password = true where id = :id").param("id", id).update();
        jdbc.sql("update setup_token set used_for = :id where token_hash = :h").param("id", id)
                .param("h", ApiTokens.hash(token)).update();
        audit.record(new AuditEvent("SETUP_ADMINISTRATOR", null, "user", id.toString(), AuditEvent.Outcome.SUCCESS,
                null, null, Map.of("roles", "SYSTEM_ADMIN")));
        return id;
    }

    private long userCount() {
        return jdbc.sql("select count(*) from user_account").query(Long.class).single();
    }

}
