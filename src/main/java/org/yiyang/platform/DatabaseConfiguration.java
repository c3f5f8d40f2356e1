package org.yiyang.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link DataSource}: an external PostgreSQL server when {@code yiyang.db.url} is set, otherwise the embedded
 * server with its data under {@code <data-dir>/pg}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(YiyangProperties properties) {
        HikariDataSource dataSource = pool(properties);
        return dataSource;
    }

    private static HikariDataSource pool(YiyangProperties properties) {
        var db = properties.db();
        var config = new HikariConfig();
        config.setPoolName("yiyang");
        config.setMaximumPoolSize(db.poolSize());
        config.setMinimumIdle(Math.min(2, db.poolSize()));
        if (db.external()) {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        } else {
            var pg = EmbeddedPostgresServer.startFor(properties.dataDir().resolve("pg"), db.embeddedDatabase());
            config.setJdbcUrl(pg.getJdbcUrl("postgres", db.embeddedDatabase()));
            config.setUsername("postgres");
        }
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setConnectionInitSql("set time zone 'UTC'");
        if (db.external()) {
            return new HikariDataSource(config);
        }
        var pgDir = properties.dataDir().resolve("pg");
        return new HikariDataSource(config) {
            @Override
            public void close() {
                super.close();
                EmbeddedPostgresServer.release(pgDir);
            }
        };
    }
}
