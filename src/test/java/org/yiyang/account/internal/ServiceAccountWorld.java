package org.yiyang.account.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.ltc.LtcWorld;
import org.yiyang.person.Gb11643;
import org.yiyang.person.LivingArrangement;
import org.yiyang.person.ResidentBulkWriter;
import org.yiyang.person.ResidentIdNumber;
import org.yiyang.person.ResidentRecord;
import org.yiyang.region.Regions;
import org.yiyang.shared.BusinessZone;

/**
 * Test data for the service account: residents aged 80+ living alone with Guangzhou hukou in a test street of 天河,
 * their care-needs assessments, and community-subsidy grants (an application row with its grant).
 */
@Component
class ServiceAccountWorld {
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 900));

    final JdbcClient jdbc;
    private final ResidentBulkWriter writer;
    private final TransactionTemplate transactions;
    private final Regions regions;
    private final LtcWorld ltc;

    ServiceAccountWorld(JdbcClient jdbc, ResidentBulkWriter writer, TransactionTemplate transactions,
                        Regions regions, LtcWorld ltc) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.transactions = transactions;
        this.regions = regions;
        this.ltc = ltc;
    }

    static YearMonth current() {
        return YearMonth.now(BusinessZone.ZONE);
    }

    /** A new test street; returns the path of its community. */
    String community() {
        String street = ltc.street();
        return regions.pathOf(street.substring(0, 9) + "201").orElseThrow();
    }

    /** A resident aged 86 living alone in the community (Guangzhou hukou). */
    UUID elder(String communityPath) {
        int n = SEQUENCE.getAndIncrement();
        LocalDate birth = LocalDate.of(1936, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 1800));
        String first17 = "440106" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        var id = ResidentIdNumber.parse(first17 + Gb11643.checkCharacter(first17));
        UUID person = UUID.randomUUID();
        String community = communityPath.substring(communityPath.lastIndexOf('.') + 1);
        var record = new ResidentRecord(person, id, "账户测试" + n, null, "440106000000", community, communityPath,
                null, LivingArrangement.ALONE, 100_000L, List.of(), false);
        transactions.executeWithoutResult(s -> writer.write(List.of(record)));
        return person;
    }

    /** A care-needs assessment result with its level over a period. */
    void assessment(UUID person, String path, int level, LocalDate from, LocalDate to, String status) {
        jdbc.sql("insert into assessment (id, person_id, residence_path, instrument, reason, status, requested_at,"
                        + " effective_at, total, computed_level, final_level, valid_from, valid_to)"
                        + " values (:id, :person, cast(:path as ltree), 'GBT42195-2022', 'FIRST', :status, now(),"
                        + " now(), 40, :level, :level, :from, :to)")
                .param("id", UUID.randomUUID()).param("person", person).param("path", path).param("status", status)
                .param("level", level).param("from", from).param("to", to).update();
    }

    /** A decided application with one grant of the item from the first day of the month. */
    UUID grant(UUID person, String path, String item, long monthlyFen, YearMonth from) {
        UUID application = UUID.randomUUID();
        jdbc.sql("""
                insert into application (id, person_id, residence_path, channel, status, submitted_on, submitted_by,
                                         submitted_at, decided_on)
                values (:id, :p, cast(:path as ltree), 'STREET_OFFICE', 'DECIDED', :on, :by, now(), :on)
                """).param("id", application).param("p", person).param("path", path)
                .param("on", from.atDay(1).minusDays(10)).param("by", UUID.randomUUID()).update();
        UUID grant = UUID.randomUUID();
        jdbc.sql("""
                insert into application_grant (id, application_id, person_id, residence_path, item_code,
                                               monthly_amount_fen, valid_from)
                values (:id, :app, :p, cast(:path as ltree), :item, :fen, :from)
                """).param("id", grant).param("app", application).param("p", person).param("path", path)
                .param("item", item).param("fen", monthlyFen).param("from", from.atDay(1)).update();
        return grant;
    }

    /** An elder with a level-2 assessment and a first-class grant (400 元) from the month. */
    UUID grantee(String path, YearMonth from) {
        UUID person = elder(path);
        assessment(person, path, 2, from.atDay(1).minusMonths(3), from.atDay(1).plusYears(2), "EFFECTIVE");
        grant(person, path, "COMMUNITY_SUBSIDY_1", 40_000, from);
        return person;
    }

    long sum(UUID person, YearMonth month) {
        return jdbc.sql("select coalesce(sum(amount_fen), 0) from account_entry where person_id = :p and month = :m")
                .param("p", person).param("m", month.atDay(1)).query(Long.class).single();
    }

    long sum(UUID person, YearMonth month, String kind) {
        return jdbc.sql("select coalesce(sum(amount_fen), 0) from account_entry where person_id = :p and month = :m"
                        + " and kind = :k")
                .param("p", person).param("m", month.atDay(1)).param("k", kind).query(Long.class).single();
    }

    long entries(UUID person) {
        return jdbc.sql("select count(*) from account_entry where person_id = :p").param("p", person)
                .query(Long.class).single();
    }
}
