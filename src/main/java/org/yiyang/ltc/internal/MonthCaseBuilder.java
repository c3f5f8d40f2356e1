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
        int used = jdbc.sql("""
                        select count(*) from (select l.for_month from ltc_settlement_line l
                          join ltc_settlement_run r on r.id = l.run_id
                          where l.beneficiary_id = :b and r.status = 'LOCKED' and l.for_month < :m
                            and l.category = 'LIFE_CARE'
                          group by l.for_month having sum(l.fund_pay_fen) > 0) paid
                        """)
                .param("b", b.id()).param("m", month.atDay(1)).query(Integer.class).single();
        return Optional.of(monthCase(b, month, type, days.stream().map(d -> new DayTotals(d.life(), d.bed(),
                d.medical(), d.consumables(), d.device(), d.visits(), d.minutes())).toList(), used));
    }

    /**
     * The months of many beneficiaries at once (a settlement batch), built as {@link #build(Beneficiary, YearMonth,
     * YearMonth)} builds one month as of itself: one query for their days, one for their insured periods, one for
     * the months used.
     */
    java.util.Map<UUID, MonthCase> buildAll(List<Beneficiary> beneficiaries, YearMonth month) {
        java.util.Map<UUID, MonthCase> cases = new java.util.HashMap<>();
        if (beneficiaries.isEmpty()) {
            return cases;
        }
        List<UUID> ids = beneficiaries.stream().map(Beneficiary::id).toList();
        record Day(UUID beneficiary, LocalDate date, long life, long bed, long medical, long consumables, long device,
                   int visits, long minutes) {
        }
        java.util.Map<UUID, List<Day>> days = new java.util.HashMap<>();
        jdbc.sql("""
                        select beneficiary_id, service_date, sum(life_care_fen), sum(bed_fee_fen), sum(medical_fen),
                          sum(consumables_fen), sum(device_fen), count(check_in),
                          coalesce(sum(floor(extract(epoch from (check_out - check_in)) / 60)), 0)
                        from ltc_service_record
                        where beneficiary_id = any(cast(:ids as uuid[])) and service_month = :m and settle_month = :m
                          and outcome = 'ACCEPTED'
                        group by beneficiary_id, service_date order by beneficiary_id, service_date
                        """)
                .param("ids", texts(ids)).param("m", month.atDay(1))
                .query(rs -> {
                    var d = new Day(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getLong(3),
                            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getInt(8), rs.getLong(9));
                    days.computeIfAbsent(d.beneficiary(), k -> new ArrayList<>()).add(d);
                });
        record Insured(String type, LocalDate from, @org.jspecify.annotations.Nullable LocalDate to) {
        }
        java.util.Map<UUID, List<Insured>> insured = new java.util.HashMap<>();
        jdbc.sql("select person_id, insured_type, valid_from, valid_to from ltc_insured where person_id = any(cast(:p as uuid[]))")
                .param("p", texts(beneficiaries.stream().map(Beneficiary::personId).distinct().toList()))
                .query(rs -> {
                    insured.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new Insured(
                            rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
                });
        java.util.Map<UUID, Integer> used = new java.util.HashMap<>();
        jdbc.sql("""
                        select beneficiary_id, count(*) from (select l.beneficiary_id, l.for_month
                          from ltc_settlement_line l join ltc_settlement_run r on r.id = l.run_id
                          where l.beneficiary_id = any(cast(:ids as uuid[])) and r.status = 'LOCKED' and l.for_month < :m
                            and l.category = 'LIFE_CARE'
                          group by l.beneficiary_id, l.for_month having sum(l.fund_pay_fen) > 0) paid
                        group by beneficiary_id
                        """)
                .param("ids", texts(ids)).param("m", month.atDay(1))
                .query(rs -> {
                    used.put(rs.getObject(1, UUID.class), rs.getInt(2));
                });
        for (Beneficiary b : beneficiaries) {
            List<Day> list = days.get(b.id());
            if (list == null) {
                continue;
            }
            LocalDate first = list.get(0).date();
            // the period covering the first day of service (periods of one person do not overlap)
            InsuredType type = insured.getOrDefault(b.personId(), List.of()).stream()
                    .filter(i -> !first.isBefore(i.from()) && (i.to() == null || !first.isAfter(i.to())))
                    .map(i -> InsuredType.valueOf(i.type())).findFirst().orElse(null);
            if (type == null) {
                continue;
            }
            cases.put(b.id(), monthCase(b, month, type, list.stream().map(d -> new DayTotals(d.life(), d.bed(),
                    d.medical(), d.consumables(), d.device(), d.visits(), d.minutes())).toList(),
                    used.getOrDefault(b.id(), 0)));
        }
        return cases;
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

    /** Per beneficiary of the batch, the earlier months with accepted adjustments settled in {@code month}. */
    java.util.Map<UUID, List<YearMonth>> adjustedMonths(List<UUID> beneficiaries, YearMonth month) {
        java.util.Map<UUID, List<YearMonth>> months = new java.util.HashMap<>();
        if (beneficiaries.isEmpty()) {
            return months;
        }
        jdbc.sql("select distinct beneficiary_id, service_month from ltc_service_record where beneficiary_id = any(cast(:ids as uuid[]))"
                        + " and settle_month = :m and service_month < :m and outcome = 'ACCEPTED' order by 1, 2")
                .param("ids", texts(beneficiaries)).param("m", month.atDay(1))
                .query(rs -> {
                    months.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(YearMonth.from(rs.getObject(2, LocalDate.class)));
                });
        return months;
    }


    /** One service day's sums of a beneficiary. */
    private record DayTotals(long life, long bed, long medical, long consumables, long device, int visits,
                             long minutes) {
    }

    /**
     * The month from its days: a day in the life-care list per date with life care or bed fee; medical nursing,
     * consumables, devices, visits and minutes summed.
     */
    private static MonthCase monthCase(Beneficiary b, YearMonth month, InsuredType type, List<DayTotals> days,
                                       int monthsUsed) {
        List<Long> life = new ArrayList<>();
        List<Long> bed = new ArrayList<>();
        long medical = 0;
        long consumables = 0;
        long device = 0;
        int visits = 0;
        long minutes = 0;
        for (DayTotals d : days) {
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
        return new MonthCase(type, b.group(), b.ltcLevel() == null ? 0 : b.ltcLevel(), b.careForm(), month, life,
                b.careForm() == CareForm.INSTITUTION ? bed : List.of(), medical, consumables, device, visits,
                (int) Math.min(Integer.MAX_VALUE, minutes), monthsUsed);
    }

    /** Ids as a text array parameter: one bind value for the whole batch (cast to uuid[] in the query). */
    static String[] texts(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
