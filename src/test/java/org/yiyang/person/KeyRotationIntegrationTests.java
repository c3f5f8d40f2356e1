package org.yiyang.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.audit.AuditTrail;
import org.yiyang.jobs.Jobs;
import org.yiyang.platform.YiyangProperties;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Role;
import org.yiyang.shared.privacy.PersonalDataCipher;

/**
 * Key rotation on its own database: a new current key is added, the re-encryption job moves every value to it, the
 * values read the same, and a second run has nothing left to do.
 */
@SpringBootTest(properties = "yiyang.data-dir=target/test-data/key-rotation")
class KeyRotationIntegrationTests {
    @Autowired JdbcClient jdbc;
    @Autowired PersonalDataCipher oldCipher;
    @Autowired Jobs jobs;
    @Autowired AuditTrail audit;
    @Autowired TransactionTemplate tx;
    @Autowired YiyangProperties properties;

    @Test
    void movesEveryValueToTheNewKeyAndCanBeRunAgain() throws Exception {
        var keys = new Properties();
        try (InputStream in = Files.newInputStream(properties.dataDir().resolve("keys").resolve("keys.properties"))) {
            keys.load(in);
        }
        var oldKey = new SecretKeySpec(Base64.getDecoder().decode(keys.getProperty("data.1")), "AES");
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        var newCipher = new PersonalDataCipher(Map.of((short) 1, oldKey, (short) 2, new SecretKeySpec(fresh, "AES")),
                (short) 2);
        var job = new PersonalDataReencryption(jdbc, newCipher, jobs, audit, tx, Runnable::run);
        var admin = new Actor(UUID.randomUUID(), "security.admin", Set.of(Role.SECURITY_ADMIN), "440100000000",
                "440100000000", null);

        record Sealed(UUID id, byte[] value) {
            String aad() {
                return PersonalColumns.bound(PersonalColumns.ID_NUMBER, id);
            }
        }
        var sealed = "select id, id_number_enc from person order by id limit 20";
        List<Sealed> before = jdbc.sql(sealed).query((rs, n) -> new Sealed(rs.getObject(1, UUID.class),
                rs.getBytes(2))).list();
        List<String> plain = before.stream().map(b -> oldCipher.decrypt(b.value(), b.aad())).toList();
        long values = jdbc.sql("select count(id_number_enc) + count(phone_enc) + count(address_enc) from person")
                .query(Long.class).single()
                + jdbc.sql("select count(*) from emergency_contact").query(Long.class).single();
        assertThat(values).isPositive();

        assertThat(job.run(admin)).isEqualTo(values);

        List<Sealed> after = jdbc.sql(sealed).query((rs, n) -> new Sealed(rs.getObject(1, UUID.class),
                rs.getBytes(2))).list();
        assertThat(after).allMatch(b -> PersonalDataCipher.keyIdOf(b.value()) == 2);
        assertThat(after.stream().map(b -> newCipher.decrypt(b.value(), b.aad())).toList()).isEqualTo(plain);
        assertThat(jdbc.sql("select count(*) from person where get_byte(phone_enc, 1) <> 2").query(Long.class)
                .single()).isZero();
        assertThat(job.run(admin)).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where event_type = 'PERSONAL_DATA_REENCRYPTED'")
                .query(Long.class).single()).isEqualTo(2);
    }
}
