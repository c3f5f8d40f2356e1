package org.yiyang.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL 17 server per data directory and JVM. The data survives restarts; the server is stopped
 * cleanly when the JVM exits. Tests share one server per JVM the same way.
 */
public final class EmbeddedPostgresServer {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgres> RUNNING = new HashMap<>();
    private static final Map<Path, Integer> USERS = new HashMap<>();

    private EmbeddedPostgresServer() {
    }

    /**
     * Starts the server for {@code pgDir} (or returns the running one) and makes sure {@code database} exists. Each
     * caller must {@link #release(Path)} once it has closed its connections; the last release stops the server.
     */
    public static synchronized EmbeddedPostgres startFor(Path pgDir, String database) {
        Path dir = pgDir.toAbsolutePath().normalize();
        EmbeddedPostgres pg = RUNNING.get(dir);
        if (pg == null) {
            pg = start(dir);
            RUNNING.put(dir, pg);
        }
        USERS.merge(dir, 1, Integer::sum);
        createDatabaseIfMissing(pg, database);
        return pg;
    }

    /** One user of the server is done with it; the last one stops the server cleanly. */
    public static synchronized void release(Path pgDir) {
        Path dir = pgDir.toAbsolutePath().normalize();
        int left = USERS.merge(dir, -1, Integer::sum);
        if (left <= 0) {
            USERS.remove(dir);
            EmbeddedPostgres pg = RUNNING.remove(dir);
            if (pg != null) {
                stop(dir, pg);
            }
        }
    }

    private static EmbeddedPostgres start(Path dir) {
        try {
            Files.createDirectories(dir);
            boolean fresh = !Files.exists(dir.resolve("PG_VERSION"));
            log.info("Starting embedded PostgreSQL in {} ({})", dir, fresh ? "new cluster" : "existing data");
            Path work = dir.getParent().resolve("pg-bin");
            Files.createDirectories(work);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false) // stopped by the last pool to close, after Spring is done
                    .setOverrideWorkingDirectory(work.toFile())
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("timezone", "UTC")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .start();
            log.info("Embedded PostgreSQL listening on port {}", pg.getPort());
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL could not start in " + dir, e);
        }
    }

    /**
     * Makes sure the application's own login role exists with this password and may connect and create objects in the
     * database. Migrations run as the server's superuser, which owns the tables; the application role receives only
     * the privileges the migrations grant it (e.g. INSERT and SELECT on the audit trail).
     */
    public static synchronized void ensureApplicationRole(EmbeddedPostgres pg, String database, String role,
                                                          String password) {
        if (!role.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain role name: " + role);
        }
        try (Connection c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            String quoted = "'" + password.replace("'", "''") + "'";
            try (var rs = st.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
                st.execute((rs.next() ? "alter role " : "create role ") + role + " login password " + quoted);
            }
            st.execute("grant connect, temporary on database " + database + " to " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the application role", e);
        }
        try (Connection c = pg.getDatabase("postgres", database).getConnection(); var st = c.createStatement()) {
            st.execute("grant usage, create on schema public to " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("could not grant the application role its schema", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres pg, String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = pg.getPostgresDatabase().getConnection();
             var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("create database " + database + " encoding 'UTF8' template template0");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    private static void stop(Path dir, EmbeddedPostgres pg) {
        try {
            log.info("Stopping embedded PostgreSQL in {}", dir);
            pg.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL in {} did not stop cleanly", dir, e);
        }
    }
}
