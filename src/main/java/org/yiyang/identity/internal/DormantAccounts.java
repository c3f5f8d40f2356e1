package org.yiyang.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;

/**
 * Disables accounts unused for {@code yiyang.security.dormant-after} (default 90 days), revokes their tokens, and
 * writes one audit event for the run with its count.
 */
@Component
class DormantAccounts {
    private final JdbcClient jdbc;
    private final ApiTokens tokens;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration dormantAfter;

    DormantAccounts(JdbcClient jdbc, ApiTokens tokens, AuditTrail audit, Clock clock,
                    @Value("${yiyang.security.dormant-after:P90D}") Duration dormantAfter) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.dormantAfter = dormantAfter;
    }

    @Scheduled(cron = "${yiyang.security.dormant-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    @Transactional
    public int disableDormant() {
        List<UUID> disabled = jdbc.sql("""
                        update user_account set enabled = false
                        where enabled and coalesce(last_login_at, created_at) < :cutoff
                        returning id
                        """)
                .param("cutoff", Timestamp.from(clock.instant().minus(dormantAfter)))
                .query(UUID.class).list();
        disabled.forEach(tokens::revokeAllOf);
        audit.record(new AuditEvent("DORMANT_ACCOUNTS_DISABLED", null, "user", null, AuditEvent.Outcome.SUCCESS,
                null, null, Map.of("disabled", disabled.size())));
        return disabled.size();
    }
}
