package org.yiyang.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Opaque API bearer tokens. Only a SHA-256 of each token is stored; tokens expire and can be revoked. */
@Component
class ApiTokens {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Clock clock, @Value("${yiyang.security.token-lifetime:PT1H}") Duration lifetime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    record Issued(String token, Instant expiresAt) {
    }

    Issued issue(UUID userId) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        jdbc.sql("insert into api_token (token_hash, user_id, issued_at, expires_at) values (:h, :u, :i, :e)")
                .param("h", hash(token)).param("u", userId)
                .param("i", Timestamp.from(now)).param("e", Timestamp.from(expires))
                .update();
        return new Issued(token, expires);
    }

    /** The user a live token belongs to. */
    Optional<UUID> userOf(String token) {
        return jdbc.sql("""
                        select user_id from api_token
                        where token_hash = :h and revoked_at is null and expires_at > :now
                        """)
                .param("h", hash(token)).param("now", Timestamp.from(clock.instant()))
                .query(UUID.class).optional();
    }

    int revokeAllOf(UUID userId) {
        return jdbc.sql("update api_token set revoked_at = :now where user_id = :u and revoked_at is null")
                .param("now", Timestamp.from(clock.instant())).param("u", userId).update();
    }

    /** SHA-256 of a secret token: what is stored instead of the token (API tokens, the setup token). */
    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
