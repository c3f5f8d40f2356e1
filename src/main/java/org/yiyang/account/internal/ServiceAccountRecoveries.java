package org.yiyang.account.internal;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;

/**
 * After a death: the credits already made for days after the day of death are an overpayment, recorded as one
 * RECOVERY entry per month (the month of death pro rata by days — credited × days after death ÷ days of the month,
 * rounded half up —, later months in full). Idempotent: a month has at most one recovery. Charges for services after
 * the death are refused, and no later month is credited (the grants end, and crediting skips the dead).
 */
@Service
class ServiceAccountRecoveries {
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ServiceAccountRecoveries(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    record Due(UUID personId, LocalDate month, String residencePath, LocalDate deathDate, long creditedFen) {
    }

    /** Records every recovery due (for one person, or everybody when null); returns the number of entries. */
    @Transactional
    int recover(@Nullable UUID person, LocalDate today) {
        List<Due> due = jdbc.sql("""
                select m.person_id, m.month, m.residence_path::text, f.death_date,
                       coalesce((select sum(e.amount_fen) from account_entry e where e.person_id = m.person_id
                                 and e.month = m.month and e.kind = 'CREDIT'), 0) as credited
                from account_month m
                join person_fact f on f.person_id = m.person_id
                where f.death_date is not null
                  and f.death_date < cast(m.month + interval '1 month' - interval '1 day' as date)
                  and (cast(:person as uuid) is null or m.person_id = :person)
                  and not exists (select 1 from account_entry r where r.person_id = m.person_id
                                  and r.month = m.month and r.kind = 'RECOVERY')
                order by m.person_id, m.month
                """).param("person", person)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getObject(4, LocalDate.class), rs.getLong(5))).list();
        int written = 0;
        for (Due d : due) {
            long fen = overpayment(d.creditedFen(), YearMonth.from(d.month()), d.deathDate());
            if (fen <= 0) {
                continue;
            }
            written += jdbc.sql("""
                    insert into account_entry (id, person_id, month, residence_path, kind, amount_fen, entry_date)
                    values (:id, :p, :m, cast(:path as ltree), 'RECOVERY', :fen, :today) on conflict do nothing
                    """).param("id", UUID.randomUUID()).param("p", d.personId()).param("m", d.month())
                    .param("path", d.residencePath()).param("fen", -fen).param("today", today).update();
            jdbc.sql("""
                    insert into account_change_notice (person_id, cause, noticed_on, effective_month)
                    values (:p, 'DEATH', :day, :next) on conflict do nothing
                    """).param("p", d.personId()).param("day", d.deathDate())
                    .param("next", d.deathDate().withDayOfMonth(1).plusMonths(1)).update();
            audit.record(AuditEvent.success("SERVICE_ACCOUNT_RECOVERY", null, "person", d.personId())
                    .withDetails(Map.of("month", YearMonth.from(d.month()).toString(), "fen", fen)));
        }
        return written;
    }

    /** The part of a month's credit for the days after the death (the whole credit when the death came before it). */
    static long overpayment(long creditedFen, YearMonth month, LocalDate deathDate) {
        if (deathDate.isBefore(month.atDay(1))) {
            return creditedFen;
        }
        long daysAfter = month.atEndOfMonth().toEpochDay() - deathDate.toEpochDay();
        if (daysAfter <= 0) {
            return 0;
        }
        BigInteger[] qr = BigInteger.valueOf(creditedFen).multiply(BigInteger.valueOf(daysAfter))
                .divideAndRemainder(BigInteger.valueOf(month.lengthOfMonth()));
        long q = qr[0].longValueExact();
        return qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(month.lengthOfMonth())) >= 0 ? q + 1 : q;
    }
}
