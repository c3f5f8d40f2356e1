package org.yiyang.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiyang.audit.AuditTrail;
import org.yiyang.platform.YiyangProperties;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Role;
import org.yiyang.shared.privacy.PersonalDataCipher;
import org.yiyang.testsupport.TestUsers;

/** Second-factor secrets follow a key rotation too (own data directory, like the registry's rotation test). */
@SpringBootTest(properties = "yiyang.data-dir=target/test-data/key-rotation")
class SecondFactorKeyRotationIntegrationTests {
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;
    @Autowired TestUsers users;
    @Autowired TestSecondFactor enrolment;
    @Autowired YiyangProperties properties;

    @Test
    void movesSecretsToTheNewKeyAndTheyStillVerify() throws Exception {
        String admin = users.create(Role.AUDIT_ADMIN, "440100000000");
        String secret = enrolment.enrol(admin);

        var keys = new Properties();
        try (InputStream in = Files.newInputStream(properties.dataDir().resolve("keys").resolve("keys.properties"))) {
            keys.load(in);
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        var rotated = new PersonalDataCipher(Map.of(
                (short) 1, new SecretKeySpec(Base64.getDecoder().decode(keys.getProperty("data.1")), "AES"),
                (short) 2, new SecretKeySpec(fresh, "AES")), (short) 2);
        var afterRotation = new SecondFactor(jdbc, rotated, audit);
        var securityAdmin = new Actor(UUID.randomUUID(), "security.admin", Set.of(Role.SECURITY_ADMIN),
                "440100000000", "440100000000", null);

        assertThat(afterRotation.reencrypt(securityAdmin)).isPositive();
        assertThat(afterRotation.reencrypt(securityAdmin)).isZero();

        UUID id = jdbc.sql("select id from user_account where username = :u").param("u", admin)
                .query(UUID.class).single();
        byte[] stored = jdbc.sql("select totp_secret_enc from user_account where id = :id").param("id", id)
                .query(byte[].class).single();
        assertThat(PersonalDataCipher.keyIdOf(stored)).isEqualTo((short) 2);
        assertThat(afterRotation.secret(id)).hasValue(secret);
        assertThat(afterRotation.matches(secret, TestSecondFactor.code(secret))).isTrue();
    }
}
