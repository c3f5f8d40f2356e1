package org.yiyang.ltc.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyang.ltc.Beneficiary;
import org.yiyang.ltc.CareForm;
import org.yiyang.ltc.InsuredType;
import org.yiyang.ltc.MonthCase;

/**
 * Builds the engine's {@link MonthCase} of one beneficiary-month from the accepted service-record lines — the same
 * shape the calculator builds from a request, so both go through the one engine:
 * <ul>
 *   <li>one day in the life-care list per service date with life care or bed fee (sums of that day's lines, by date);</li>
 *   <li>medical nursing, consumables and device use summed over the month;</li>
 *   <li>visits = lines with a check-in (home care), minutes = their check-in to check-out time;</li>
 *   <li>insurance type on the first day of service of the month (第九条: the type when receiving benefits);</li>
 *   <li>months used = earlier months of this validity period with home life care paid in a locked settlement.</li>
 * </ul>
 */
@Component
class MonthCaseBuilder {
    private final JdbcClient jdbc;

    MonthCaseBuilder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MonthCase> build(Beneficiary b, YearMonth month) {
        return build(b, month, month);
    }

    /**
     * The month as known when settling {@code asOf}: of each record the latest accepted version settled up to then
     * (the original, or an adjustment of a frozen month).
     */
    Optional<MonthCase> build(Beneficiary b, YearMonth month, YearMonth asOf) {
        record Day(LocalDate date, long life, long bed, long medical, long consumables, long device, int visits,
                   long minutes) {
        }
        List<Day> days = jdbc.sql("""
                        select service_date, sum(life_care_fen), sum(bed_fee_fen), sum(medical_fen),
                          sum(consumables_fen), sum(device_fen), count(check_in),
                          coalesce(sum(floor(extract(epoch from (check_out - check_in)) / 60)), 0)
                        from (select distinct on (designated_provider_id, record_id) * from ltc_service_record
                              where beneficiary_id = :b and service_month = :m and outcome = 'ACCEPTED'
                                and settle_month <= :asOf
                              order by designated_provider_id, record_id, settle_month desc) s
                        group by service_date order by service_date
                        """)
                .param("b", b.id()).param("m", month.atDay(1)).param("asOf", asOf.atDay(1))
                .query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getInt(7), rs.getLong(8)))
                .list();
        if (days.isEmpty()) {
            return Optional.empty();
        }
        InsuredType type = jdbc.sql("select insured_type from ltc_insured where person_id = :p and valid_from <= :d"
                        + " and (valid_to is null or valid_to >= :d)")
                .param("p", b.personId()).param("d", days.get(0).date()).query(String.class).optional()
                .map(InsuredType::valueOf).orElse(null);
        if (type == null) {
            return Optional.empty();
        }
        List<Long> life = new ArrayList<>();
        List<Long> bed = new ArrayList<>();
        long medical = 0;
        long consumables = 0;
        long device = 0;
        int visits = 0;
        long minutes = 0;
        for (Day d : days) {
            if (d.life() > 0 || d.bed() > 0) {
                life.add(d.life());
                bed.add(d.bed());
            }
            medical += d.medical();
            consumables += d.consumables();
            device += d.device();
            visits += d.visits();
            minutes += d.minutes();
        }
        int used = jdbc.sql("""
                        select count(*) from (select l.for_month from ltc_settlement_line l
                          join ltc_settlement_run r on r.id = l.run_id
                          where l.beneficiary_id = :b and r.status = 'LOCKED' and l.for_month < :m
                            and l.category = 'LIFE_CARE'
                          group by l.for_month having sum(l.fund_pay_fen) > 0) paid
                        """)
                .param("b", b.id()).param("m", month.atDay(1)).query(Integer.class).single();
        return Optional.of(new MonthCase(type, b.group(), b.ltcLevel() == null ? 0 : b.ltcLevel(), b.careForm(),
                month, life, b.careForm() == CareForm.INSTITUTION ? bed : List.of(), medical, consumables, device,
                visits, (int) Math.min(Integer.MAX_VALUE, minutes), used));
    }

    /**
     * Beneficiaries with accepted lines settled in the month (its own lines, or adjustments of earlier months) whose
     * residence lies below the region, in id order.
     */
    List<UUID> beneficiaries(String regionPath, YearMonth month) {
        return jdbc.sql("select distinct beneficiary_id from ltc_service_record where settle_month = :m"
                        + " and outcome = 'ACCEPTED' and residence_path <@ cast(:path as ltree) order by beneficiary_id")
                .param("m", month.atDay(1)).param("path", regionPath).query(UUID.class).list();
    }

    /** Earlier months of the beneficiary with accepted adjustments settled in {@code month}, in order. */
    List<YearMonth> adjustedMonths(UUID beneficiary, YearMonth month) {
        return jdbc.sql("select distinct service_month from ltc_service_record where beneficiary_id = :b"
                        + " and settle_month = :m and service_month < :m and outcome = 'ACCEPTED' order by 1")
                .param("b", beneficiary).param("m", month.atDay(1))
                .query((rs, n) -> YearMonth.from(rs.getObject(1, LocalDate.class))).list();
    }
}
