package org.yiyang.audit.internal;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;

/** Background work on the trail: sealing shortly after commit, and monthly partitions kept ahead of time. */
@Component
class AuditMaintenance {
    private static final Logger log = LoggerFactory.getLogger(AuditMaintenance.class);
    private final AuditChain chain;
    private final JdbcClient jdbc;
    private final AuditTrail trail;
    private final java.time.Duration retention;

    AuditMaintenance(AuditChain chain, JdbcClient jdbc, AuditTrail trail,
                     @org.springframework.beans.factory.annotation.Value("${yiyang.audit.retention:P180D}")
                     java.time.Duration retention) {
        if (retention.toDays() < 180) {
            throw new IllegalStateException("yiyang.audit.retention must be at least 180 days (网络安全法 第二十一条)");
        }
        this.chain = chain;
        this.jdbc = jdbc;
        this.trail = trail;
        this.retention = retention;
    }

    /** Removes events older than the retention period (whole months where possible); the purge is itself audited. */
    @Scheduled(cron = "${yiyang.audit.purge-cron:0 47 3 2 * *}", zone = "Asia/Shanghai")
    public long purge() {
        chain.seal();
        LocalDate cutoff = LocalDate.now(org.yiyang.shared.BusinessZone.ZONE).minusDays(retention.toDays());
        long removed = jdbc.sql("select audit_purge_before(cast(:d as date))").param("d", cutoff)
                .query(Long.class).single();
        trail.record(new AuditEvent("AUDIT_PURGE", null, "audit_event", null, AuditEvent.Outcome.SUCCESS, null, null,
                java.util.Map.of("cutoff", cutoff.toString(), "events", removed)));
        log.info("Audit retention: {} events before {} removed", removed, cutoff);
        return removed;
    }

    @Scheduled(fixedDelayString = "${yiyang.audit.seal-interval:PT2S}", initialDelayString = "PT5S")
    void seal() {
        int sealed;
        do {
            sealed = chain.seal();
        } while (sealed >= 5000);
    }

    @Scheduled(cron = "${yiyang.audit.partition-cron:0 17 3 * * *}", zone = "Asia/Shanghai")
    void keepPartitionsAhead() {
        LocalDate today = LocalDate.now();
        for (int m = 0; m <= 2; m++) {
            jdbc.sql("select audit_ensure_partition(cast(:d as date))").param("d", today.plusMonths(m))
                    .query(rs -> { });
        }
        log.debug("Audit partitions ensured up to {}", today.plusMonths(2));
    }
}
