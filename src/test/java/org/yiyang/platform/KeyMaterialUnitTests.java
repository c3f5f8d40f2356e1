package org.yiyang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyMaterialUnitTests {
    @TempDir Path dir;

    YiyangProperties properties(String dbUrl) {
        return new YiyangProperties(dir, new YiyangProperties.Db(dbUrl, "u", "p", 2, "yiyang"), null, null, null);
    }

    @Test
    void generatesOwnerOnlyKeysForTheEmbeddedDatabaseOnceAndReusesThem() throws Exception {
        var material = new KeyMaterial();
        var first = material.keyFile(properties(null), "");
        Path file = dir.resolve("keys").resolve("keys.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        var second = material.keyFile(properties(null), "");
        assertThat(second.indexKey().getEncoded()).isEqualTo(first.indexKey().getEncoded());
        assertThat(second.dataKeys().get(second.currentDataKey()).getEncoded())
                .isEqualTo(first.dataKeys().get(first.currentDataKey()).getEncoded());
    }

    @Test
    void refusesToStartOnAnExternalDatabaseWithoutConfiguredKeys() {
        assertThatThrownBy(() -> new KeyMaterial().keyFile(properties("jdbc:postgresql://db/x"), ""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("YIYANG_KEYS_FILE");
        assertThat(dir.resolve("keys")).doesNotExist();
    }
}
