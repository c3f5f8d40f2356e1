package org.yiyang.person.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiyang.person.ResidentCounts;

@Repository
class JdbcResidentCounts implements ResidentCounts {
    private final JdbcClient jdbc;

    JdbcResidentCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long countDemo() {
        return jdbc.sql("select count(*) from person where demo").query(Long.class).single();
    }
}
