package org.yiyang.identity.internal;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;
import dev.samstevens.totp.util.Utils;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Role;
import org.yiyang.shared.privacy.PersonalDataCipher;

/**
 * The TOTP second factor (RFC 6238, 30-second steps, 6 digits, one step of clock drift allowed), required for the
 * three administrator roles and optional for everyone else. Secrets are encrypted at rest.
 */
@Component
class SecondFactor {
    private static final String PURPOSE = "user.totp_secret";

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final CodeVerifier verifier;

    SecondFactor(JdbcClient jdbc, PersonalDataCipher cipher, AuditTrail audit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        var verifier = new DefaultCodeVerifier(new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6),
                new SystemTimeProvider());
        verifier.setTimePeriod(30);
        verifier.setAllowedTimePeriodDiscrepancy(1);
        this.verifier = verifier;
    }

    /** The associated data binds a secret to its column and its user. */
    private static String bound(UUID userId) {
        return PURPOSE + "#" + userId;
    }

    /**
     * After a key rotation, moves every stored secret still under an older key to the current one; selects only
     * those, so a rerun finishes what an interrupted run left. Returns how many moved.
     */
    @Transactional
    int reencrypt(Actor by) {
        by.require(Role.SECURITY_ADMIN);
        short current = cipher.currentKeyId();
        var stale = jdbc.sql("select id, totp_secret_enc from user_account where totp_secret_enc is not null "
                        + "and get_byte(totp_secret_enc, 0) * 256 + get_byte(totp_secret_enc, 1) <> :k for update")
                .param("k", current)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getBytes(2))).list();
        for (var entry : stale) {
            String secret = cipher.decrypt(entry.getValue(), bound(entry.getKey()));
            jdbc.sql("update user_account set totp_secret_enc = :s where id = :id")
                    .param("s", cipher.encrypt(secret, bound(entry.getKey()))).param("id", entry.getKey()).update();
        }
        audit.record(new AuditEvent("SECOND_FACTOR_REENCRYPTED", by, "user", null, AuditEvent.Outcome.SUCCESS, null,
                null, Map.of("secrets", stale.size(), "key", (int) current)));
        return stale.size();
    }

    boolean required(Actor actor) {
        return actor.hasAny(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN) || enrolled(actor.userId());
    }

    boolean enrolled(UUID userId) {
        return secret(userId).isPresent();
    }

    Optional<String> secret(UUID userId) {
        return jdbc.sql("select totp_secret_enc from user_account where id = :id and mfa_enabled")
                .param("id", userId).query(byte[].class).optional().map(b -> cipher.decrypt(b, bound(userId)));
    }

    String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /** The enrolment QR code as a PNG data URI for authenticator apps. */
    String qrDataUri(String username, String secret) {
        var data = new QrData.Builder().label(username).secret(secret).issuer("Yiyang")
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(30).build();
        try {
            var generator = new ZxingPngQrGenerator();
            return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("QR code generation failed", e);
        }
    }

    boolean matches(String secret, @Nullable String code) {
        return code != null && code.matches("\\d{6}") && verifier.isValidCode(secret, code);
    }

    /** Checks a login's second factor and audits the outcome. */
    boolean verify(Actor actor, @Nullable String code) {
        boolean ok = secret(actor.userId()).map(s -> matches(s, code)).orElse(false);
        audit.record(ok ? AuditEvent.success("MFA_VERIFY", actor, "user", actor.userId())
                : AuditEvent.failure("MFA_VERIFY", actor, "BAD_CODE").withObject("user", actor.userId()));
        return ok;
    }

    /** Enrols the secret once the user has proved, with a code, that their authenticator holds it. */
    @Transactional
    boolean enrol(Actor actor, String secret, @Nullable String code) {
        if (!matches(secret, code)) {
            audit.record(AuditEvent.failure("MFA_ENROLMENT", actor, "BAD_CODE").withObject("user", actor.userId()));
            return false;
        }
        jdbc.sql("update user_account set totp_secret_enc = :s, mfa_enabled = true where id = :id")
                .param("s", cipher.encrypt(secret, bound(actor.userId()))).param("id", actor.userId()).update();
        audit.record(AuditEvent.success("MFA_ENROLMENT", actor, "user", actor.userId()));
        return true;
    }

    /** A security administrator resets a user's second factor (e.g. a lost phone); the user enrols again. */
    @Transactional
    void reset(UUID userId, Actor by) {
        by.require(Role.SECURITY_ADMIN);
        jdbc.sql("update user_account set totp_secret_enc = null, mfa_enabled = false where id = :id")
                .param("id", userId).update();
        audit.record(new AuditEvent("MFA_RESET", by, "user", userId.toString(), AuditEvent.Outcome.SUCCESS, null,
                null, Map.of()));
    }
}
