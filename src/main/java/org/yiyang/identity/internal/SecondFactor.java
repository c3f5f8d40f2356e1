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

    boolean required(Actor actor) {
        return actor.hasAny(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN) || enrolled(actor.userId());
    }

    boolean enrolled(UUID userId) {
        return secret(userId).isPresent();
    }

    Optional<String> secret(UUID userId) {
        return jdbc.sql("select totp_secret_enc from user_account where id = :id and mfa_enabled")
                .param("id", userId).query(byte[].class).optional().map(b -> cipher.decrypt(b, PURPOSE));
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
                .param("s", cipher.encrypt(secret, PURPOSE)).param("id", actor.userId()).update();
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
