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
    private final javax.sql.DataSource dataSource;

    MonthCaseBuilder(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * The month as known when settling {@code asOf}: of each record the latest accepted version settled up to then
     * (the original, or an adjustment of a frozen month), leaving out records whose latest version is a cancellation.
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
                              where beneficiary_id = :b and service_month = :m and outcome <> 'REJECTED'
                                and settle_month <= :asOf
                              order by designated_provider_id, record_id, settle_month desc) s
                        where s.outcome = 'ACCEPTED'
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
     * YearMonth)} builds one month as of itself, from their service days read by a {@link MonthPass}: one query for
     * their insured periods, one for the months used.
     */
    java.util.Map<UUID, MonthCase> buildAll(List<Beneficiary> beneficiaries, YearMonth month,
                                            java.util.Map<UUID, List<ServiceDay>> days) {
        java.util.Map<UUID, MonthCase> cases = new java.util.HashMap<>();
        if (beneficiaries.isEmpty()) {
            return cases;
        }
        List<UUID> ids = beneficiaries.stream().map(Beneficiary::id).toList();
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
            List<ServiceDay> list = days.get(b.id());
            if (list == null || list.isEmpty()) {
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

    /** One service date's sums of a beneficiary's accepted lines. */
    record ServiceDay(LocalDate date, long life, long bed, long medical, long consumables, long device, int visits,
                      long minutes) {
    }

    /**
     * One ordered read of a region's month: every accepted or cancelled line settled in the month (its own lines, and
     * adjustments or cancellations of earlier frozen months), in one snapshot (a read-only, repeatable-read
     * transaction on a connection of its own, held for the run), streamed with a server-side cursor in beneficiary and
     * day order — one scan and one sort instead of probing the lines batch by batch. Each beneficiary comes with the
     * day sums of its own month and the earlier months it adjusts; the inputs' fingerprint is summed on the way.
     */
    MonthPass open(String regionPath, YearMonth month) {
        return new MonthPass(dataSource, regionPath, month);
    }

    /**
     * A digest of a region-month's accepted and cancelled lines (each line's id and revision), to notice changes after
     * a preview: their count and the sum of a 64-bit hash of each — independent of order, so one scan without a sort.
     * Parameters: the month's first day, the region path. {@link MonthPass#fingerprint()} computes the same value.
     */
    static final String FINGERPRINT = """
            select count(*) || ':' || coalesce(sum(hashtextextended(id::text || ':' || revision, 0)), 0)
            from ltc_service_record where settle_month = ? and outcome <> 'REJECTED'
              and residence_path <@ cast(? as ltree)
            """;

    /** A beneficiary of the month: its own month's service days (may be empty) and the earlier months it adjusts. */
    record MonthOf(UUID beneficiary, List<ServiceDay> days, List<YearMonth> adjustedMonths) {
    }

    static final class MonthPass implements AutoCloseable {
        private static final int FETCH = 10_000;
        /** Sort memory of the pass's one transaction (a city's month sorts about 3 million lines). */
        static final String WORK_MEM = "256MB";
        private final java.sql.Connection connection;
        private final java.sql.PreparedStatement query;
        private final java.sql.ResultSet rows;
        private boolean more;
        private long count;
        private java.math.BigInteger hashes = java.math.BigInteger.ZERO;

        private MonthPass(javax.sql.DataSource dataSource, String regionPath, YearMonth month) {
            try {
                connection = dataSource.getConnection();
                try {
                    connection.setAutoCommit(false);
                    connection.setTransactionIsolation(java.sql.Connection.TRANSACTION_REPEATABLE_READ);
                    connection.setReadOnly(true);
                    try (var set = connection.createStatement()) {
                        // the month's lines are sorted by beneficiary and day once: in memory where they fit
                        set.execute("set local work_mem = '" + WORK_MEM + "'");
                    }
                    var m = java.sql.Date.valueOf(month.atDay(1));
                    query = connection.prepareStatement("""
                            select beneficiary_id, service_date, service_month, outcome = 'ACCEPTED', life_care_fen,
                              bed_fee_fen, medical_fen, consumables_fen, device_fen, check_in is not null,
                              coalesce(floor(extract(epoch from (check_out - check_in)) / 60), 0)::bigint,
                              hashtextextended(id::text || ':' || revision, 0)
                            from ltc_service_record
                            where settle_month = ? and outcome <> 'REJECTED' and residence_path <@ cast(? as ltree)
                            order by beneficiary_id, service_date
                            """);
                    query.setDate(1, m);
                    query.setString(2, regionPath);
                    query.setFetchSize(FETCH);
                    rows = query.executeQuery();
                    more = rows.next();
                } catch (java.sql.SQLException | RuntimeException e) {
                    connection.close();
                    throw e;
                }
            } catch (java.sql.SQLException e) {
                throw new org.springframework.dao.DataAccessResourceFailureException("LTC month pass", e);
            }
            this.month = month.atDay(1);
        }

        private final LocalDate month;

        /** The next beneficiary of the month in the pass's order, or null after the last. */
        @org.jspecify.annotations.Nullable MonthOf next() {
            if (!more) {
                return null;
            }
            try {
                UUID beneficiary = rows.getObject(1, UUID.class);
                List<ServiceDay> days = new ArrayList<>();
                var adjusted = new java.util.TreeSet<YearMonth>();
                LocalDate day = null;
                long life = 0, bed = 0, medical = 0, consumables = 0, device = 0, minutes = 0;
                int visits = 0;
                while (more && beneficiary.equals(rows.getObject(1, UUID.class))) {
                    count++;
                    hashes = hashes.add(java.math.BigInteger.valueOf(rows.getLong(12)));
                    LocalDate serviceMonth = rows.getObject(3, LocalDate.class);
                    if (!serviceMonth.equals(month)) {
                        adjusted.add(YearMonth.from(serviceMonth));
                    } else if (rows.getBoolean(4)) {
                        LocalDate date = rows.getObject(2, LocalDate.class);
                        if (day != null && !day.equals(date)) {
                            days.add(new ServiceDay(day, life, bed, medical, consumables, device, visits, minutes));
                            life = bed = medical = consumables = device = minutes = 0;
                            visits = 0;
                        }
                        day = date;
                        life += rows.getLong(5);
                        bed += rows.getLong(6);
                        medical += rows.getLong(7);
                        consumables += rows.getLong(8);
                        device += rows.getLong(9);
                        visits += rows.getBoolean(10) ? 1 : 0;
                        minutes += rows.getLong(11);
                    }
                    more = rows.next();
                }
                if (day != null) {
                    days.add(new ServiceDay(day, life, bed, medical, consumables, device, visits, minutes));
                }
                return new MonthOf(beneficiary, days, List.copyOf(adjusted));
            } catch (java.sql.SQLException e) {
                throw new org.springframework.dao.DataAccessResourceFailureException("LTC month pass", e);
            }
        }

        /** The {@link #FINGERPRINT} of the lines read, once the pass has read them all. */
        String fingerprint() {
            if (more) {
                throw new IllegalStateException("the month pass is not finished");
            }
            return count + ":" + hashes;
        }

        @Override
        public void close() {
            try (connection) {
                rows.close();
                query.close();
                connection.rollback();
            } catch (java.sql.SQLException e) {
                throw new org.springframework.dao.DataAccessResourceFailureException("LTC month pass", e);
            }
        }
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
