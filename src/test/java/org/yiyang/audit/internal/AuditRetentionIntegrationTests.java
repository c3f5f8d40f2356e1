package org.yiyang.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiyang.testsupport.IntegrationTest;
import org.yiyang.testsupport.OwnerSql;

/** Events older than the retention period go; younger ones cannot; the chain still verifies; the purge is audited. */
@IntegrationTest
class AuditRetentionIntegrationTests {
    @Autowired AuditMaintenance maintenance;
    @Autowired AuditChain chain;
    @Autowired OwnerSql owner;
    @Autowired JdbcClient jdbc;

    @Test
    void purgesOnlyEventsOlderThanTheRetentionAndKeepsTheChainVerifiable() {
        String marker = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            owner.jdbc().sql("""
                    insert into audit_event (occurred_at, event_type, object_type, object_id, outcome)
                    values (now() - interval '400 days', 'OLD_EVENT', 'test', :o, 'SUCCESS')""")
                    .param("o", marker + "-old-" + i).update();
        }
        owner.jdbc().sql("""
                insert into audit_event (occurred_at, event_type, object_type, object_id, outcome)
                values (now() - interval '170 days', 'KEPT_EVENT', 'test', :o, 'SUCCESS')""")
                .param("o", marker + "-kept").update();
        while (chain.seal() > 0) {
            // seal everything so far
        }
        assertThat(chain.verify()).isEmpty();

        long removed = maintenance.purge();

        assertThat(removed).isGreaterThanOrEqualTo(3);
        assertThat(count("object_id like '" + marker + "-old-%'")).isZero();
        assertThat(count("object_id = '" + marker + "-kept'")).isEqualTo(1);
        assertThat(count("event_type = 'AUDIT_PURGE'")).isPositive();
        while (chain.seal() > 0) {
            // seal the purge's own event
        }
        assertThat(chain.verify()).isEmpty();

        assertThatThrownBy(() -> jdbc.sql("select audit_purge_before(current_date - 30)").query(Long.class).single())
                .rootCause().hasMessageContaining("180 days");
    }

    private long count(String where) {
        return jdbc.sql("select count(*) from audit_event where " + where).query(Long.class).single();
    }
}
