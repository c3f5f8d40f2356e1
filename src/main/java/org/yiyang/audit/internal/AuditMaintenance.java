package org.yiyang.audit.internal;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Background work on the trail: sealing shortly after commit, and monthly partitions kept ahead of time. */
@Component
class AuditMaintenance {
    private static final Logger log = LoggerFactory.getLogger(AuditMaintenance.class);
    private final AuditChain chain;
    private final JdbcClient jdbc;

    AuditMaintenance(AuditChain chain, JdbcClient jdbc) {
        this.chain = chain;
        this.jdbc = jdbc;
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
