package org.yiyang.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiyang.shared.privacy.BlindIndex;
import org.yiyang.shared.privacy.Mask;
import org.yiyang.shared.privacy.PersonalDataCipher;

/**
 * Keys for personal data. From configuration when given ({@code yiyang.keys.file} / {@code YIYANG_KEYS_FILE} naming
 * a key file kept outside the data directory, e.g. mounted from a KMS); required with an external database. The
 * embedded default generates its own key file into {@code <data-dir>/keys/} at first start (directory 0700, file
 * 0600). The file holds {@code data.<id>=<base64 AES-256 key>}, {@code data.current=<id>} and
 * {@code index=<base64 HMAC key>}; rotating means adding a key and moving {@code data.current}.
 */
@Configuration(proxyBeanMethods = false)
class KeyMaterial {
    private static final Logger log = LoggerFactory.getLogger(KeyMaterial.class);

    @Bean
    PersonalDataCipher personalDataCipher(KeyFile keys) {
        return new PersonalDataCipher(keys.dataKeys(), keys.currentDataKey());
    }

    @Bean
    BlindIndex blindIndex(KeyFile keys) {
        return new BlindIndex(keys.indexKey());
    }

    @Bean
    Mask idNumberMask(YiyangProperties properties) {
        return new Mask(properties.mask().head(), properties.mask().tail());
    }

    @Bean
    KeyFile keyFile(YiyangProperties properties, @Value("${yiyang.keys.file:}") String configured) {
        if (configured.isBlank() && properties.db().external()) {
            throw new IllegalStateException("An external database needs keys from configuration: set YIYANG_KEYS_FILE "
                    + "(yiyang.keys.file) to the key file; keys are generated only for the embedded database");
        }
        Path file = configured.isBlank() ? properties.dataDir().resolve("keys").resolve("keys.properties")
                : Path.of(configured);
        if (!Files.exists(file)) {
            if (!configured.isBlank()) {
                throw new IllegalStateException("the configured key file does not exist: " + file);
            }
            generate(file);
        }
        return KeyFile.read(file);
    }

    private static void generate(Path file) {
        var random = new SecureRandom();
        byte[] data = new byte[32];
        byte[] index = new byte[32];
        random.nextBytes(data);
        random.nextBytes(index);
        var props = new Properties();
        props.setProperty("data.1", Base64.getEncoder().encodeToString(data));
        props.setProperty("data.current", "1");
        props.setProperty("index", Base64.getEncoder().encodeToString(index));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                props.store(out, "Yiyang personal-data keys: keep secret, back up with the database");
            }
            log.info("Generated personal-data keys in {}", file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the key file " + file, e);
        }
    }

    record KeyFile(Map<Short, SecretKey> dataKeys, short currentDataKey, SecretKey indexKey) {
        static KeyFile read(Path file) {
            var props = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the key file " + file, e);
            }
            Map<Short, SecretKey> data = new HashMap<>();
            for (String name : props.stringPropertyNames()) {
                if (name.startsWith("data.") && !name.equals("data.current")) {
                    short id = Short.parseShort(name.substring(5));
                    data.put(id, new SecretKeySpec(Base64.getDecoder().decode(props.getProperty(name)), "AES"));
                }
            }
            short current = Short.parseShort(props.getProperty("data.current", "1"));
            var index = new SecretKeySpec(Base64.getDecoder().decode(props.getProperty("index")), "HmacSHA256");
            return new KeyFile(data, current, index);
        }
    }
}
