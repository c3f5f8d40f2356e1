package org.yiyang.account.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yiyang.shared.BusinessZone;

/**
 * Daily, after the grants job (01:30): recoveries after deaths, the expiry of months that have ended, and — from the
 * credit day on — crediting the current month. Every part is idempotent, so a day that ran twice or a run that died
 * is simply run again.
 */
@Component
class ServiceAccountJobs {
    private final ServiceAccountCrediting crediting;
    private final ServiceAccountRecoveries recoveries;
    private final ServiceAccountRules rules;
    private final Clock clock;

    ServiceAccountJobs(ServiceAccountCrediting crediting, ServiceAccountRecoveries recoveries, ServiceAccountRules rules, Clock clock) {
        this.crediting = crediting;
        this.recoveries = recoveries;
        this.rules = rules;
        this.clock = clock;
    }

    @Scheduled(cron = "${yiyang.account.cron:0 0 2 * * *}", zone = "Asia/Shanghai")
    void daily() {
        LocalDate today = BusinessZone.today(clock);
        recoveries.recover(null, today);
        YearMonth month = YearMonth.from(today);
        crediting.expireBefore(month.atDay(1));
        if (today.getDayOfMonth() >= rules.creditDay()) {
            crediting.credit(month);
        }
    }
}
