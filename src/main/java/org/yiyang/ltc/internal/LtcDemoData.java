package org.yiyang.ltc.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.ltc.InsuredType;
import org.yiyang.person.ResidentLocator;
import org.yiyang.platform.YiyangProperties;

/**
 * Demo data of the LTC module, after the demo city is built: every demo resident is LTC-insured from the start of the
 * policy (source DEMO), about a third as employees and the rest as residents (decided by the id, so the same on every
 * start). Idempotent: a resident who already has a period from that day is left alone.
 */
@Component
@Order(10)
class LtcDemoData implements ApplicationRunner {
    static final LocalDate DEMO_INSURED_FROM = LocalDate.of(2024, 1, 3);
    private static final int BATCH = 5_000;

    private final ResidentLocator residents;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final YiyangProperties properties;

    LtcDemoData(ResidentLocator residents, JdbcClient jdbc, TransactionTemplate transactions,
                YiyangProperties properties) {
        this.residents = residents;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    static InsuredType typeOf(UUID id) {
        return Math.floorMod(id.getLeastSignificantBits(), 3) == 0 ? InsuredType.EMPLOYEE : InsuredType.RESIDENT;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoEnabled()) {
            return;
        }
        UUID after = null;
        while (true) {
            List<UUID> ids = residents.demoResidentIds(after, BATCH);
            if (ids.isEmpty()) {
                return;
            }
            transactions.executeWithoutResult(s -> {
                for (InsuredType type : InsuredType.values()) {
                    List<String> ofType = ids.stream().filter(id -> typeOf(id) == type).map(UUID::toString).toList();
                    jdbc.sql("insert into ltc_insured (person_id, insured_type, valid_from, source)"
                                    + " select p, :t, :from, 'DEMO' from unnest(cast(:ids as uuid[])) p"
                                    + " on conflict do nothing")
                            .param("t", type.name()).param("from", DEMO_INSURED_FROM)
                            .param("ids", "{" + String.join(",", ofType) + "}").update();
                }
            });
            after = ids.get(ids.size() - 1);
        }
    }
}
