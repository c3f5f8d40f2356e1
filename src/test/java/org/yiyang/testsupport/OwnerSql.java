package org.yiyang.testsupport;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL as the schema's owner (the migration connection), for tests that must do what the application role may not,
 * such as tampering with the audit trail.
 */
@Component
public class OwnerSql {
    private final JdbcClient jdbc;

    public OwnerSql(@Qualifier("migrationDataSource") DataSource owner) {
        this.jdbc = JdbcClient.create(owner);
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
