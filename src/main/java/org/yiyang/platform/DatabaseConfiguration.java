package org.yiyang.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Two connection pools to one PostgreSQL database: the application's, as a login role that holds only the privileges
 * the migrations grant it, and a small one for Flyway as the owner of the schema. With an external server
 * ({@code yiyang.db.url}) the migration user defaults to the application user unless
 * {@code yiyang.db.migration-user} is set; with the embedded server (data under {@code <data-dir>/pg}) the application
 * role {@code yiyang_app} is created with a generated password kept in {@code <data-dir>/keys/database.properties}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {
    static final String APP_ROLE = "yiyang_app";

    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(YiyangProperties properties) {
        var db = properties.db();
        if (db.external()) {
            return external(db.url(), db.user(), db.password(), db.poolSize(), "yiyang");
        }
        return embedded(properties, APP_ROLE, appPassword(properties), db.poolSize(), "yiyang");
    }

    @Bean(destroyMethod = "close")
    @FlywayDataSource
    HikariDataSource migrationDataSource(YiyangProperties properties,
                                         @org.springframework.beans.factory.annotation.Value(
                                                 "${yiyang.db.migration-user:}") String migrationUser,
                                         @org.springframework.beans.factory.annotation.Value(
                                                 "${yiyang.db.migration-password:}") String migrationPassword) {
        var db = properties.db();
        if (db.external()) {
            return migrationUser.isBlank()
                    ? external(db.url(), db.user(), db.password(), 2, "yiyang-migration")
                    : external(db.url(), migrationUser, migrationPassword, 2, "yiyang-migration");
        }
        return embedded(properties, "postgres", null, 2, "yiyang-migration");
    }

    private static HikariDataSource external(String url, @Nullable String user, @Nullable String password, int size,
                                             String name) {
        var config = config(size, name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        return new HikariDataSource(config);
    }

    private static HikariDataSource embedded(YiyangProperties properties, String user, @Nullable String password,
                                             int size, String name) {
        String database = properties.db().embeddedDatabase();
        Path pgDir = properties.dataDir().resolve("pg");
        var pg = EmbeddedPostgresServer.startFor(pgDir, database);
        if (password != null) {
            EmbeddedPostgresServer.ensureApplicationRole(pg, database, user, password);
        }
        var config = config(size, name);
        config.setJdbcUrl(pg.getJdbcUrl(user, database));
        config.setUsername(user);
        config.setPassword(password);
        return new HikariDataSource(config) {
            @Override
            public void close() {
                super.close();
                EmbeddedPostgresServer.release(pgDir);
            }
        };
    }

    private static HikariConfig config(int size, String name) {
        var config = new HikariConfig();
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(1, size));
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setConnectionInitSql("set time zone 'UTC'");
        return config;
    }

    /** The embedded application role's password: generated once, kept with the keys (mode 0600). */
    private static String appPassword(YiyangProperties properties) {
        Path file = properties.dataDir().resolve("keys").resolve("database.properties");
        var props = new Properties();
        try {
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    props.load(in);
                }
                return props.getProperty("app.password");
            }
            byte[] raw = new byte[24];
            new SecureRandom().nextBytes(raw);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            props.setProperty("app.password", password);
            Files.createDirectories(file.getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(file)) {
                props.store(out, "Password of the embedded database's application role");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write " + file, e);
        }
    }
}
