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
     * One ordered read of a region's month: the beneficiaries to settle and their service days, from one snapshot
     * (a read-only, repeatable-read transaction on a connection of its own, held for the run), streamed with a
     * server-side cursor in beneficiary order instead of probing the lines batch by batch. The days of each
     * beneficiary are taken in the order of {@link #beneficiaries()}; both queries order by the same uuid column, so
     * the days' stream is a merge with that list (compared by equality only: PostgreSQL and Java order uuids
     * differently).
     */
    MonthPass open(String regionPath, YearMonth month) {
        return new MonthPass(dataSource, regionPath, month);
    }

    /**
     * A digest of a region-month's accepted and cancelled lines (each line's id and revision), to notice changes after a preview:
     * their count and the sum of a 64-bit hash of each — independent of order, so one scan without a sort. Parameters:
     * the month's first day, the region path.
     */
    static final String FINGERPRINT = """
            select count(*) || ':' || coalesce(sum(hashtextextended(id::text || ':' || revision, 0)), 0)
            from ltc_service_record where settle_month = ? and outcome <> 'REJECTED'
              and residence_path <@ cast(? as ltree)
            """;

    static final class MonthPass implements AutoCloseable {
        private static final int FETCH = 10_000;
        /** Sort memory of the pass's one transaction (a city's month sorts about 3 million day sums). */
        static final String WORK_MEM = "256MB";
        private final java.sql.Connection connection;
        private final List<UUID> beneficiaries;
        private final java.util.Map<UUID, List<YearMonth>> adjusted = new java.util.HashMap<>();
        private final java.sql.PreparedStatement daysQuery;
        private final java.sql.ResultSet days;
        private final java.sql.Date month;
        private final String regionPath;
        private boolean more;

        private MonthPass(javax.sql.DataSource dataSource, String regionPath, YearMonth month) {
            this.month = java.sql.Date.valueOf(month.atDay(1));
            this.regionPath = regionPath;
            try {
                connection = dataSource.getConnection();
                try {
                    connection.setAutoCommit(false);
                    connection.setTransactionIsolation(java.sql.Connection.TRANSACTION_REPEATABLE_READ);
                    connection.setReadOnly(true);
                    try (var set = connection.createStatement()) {
                        // the month's lines are sorted by beneficiary and day once: in memory rather than on disk
                        set.execute("set local work_mem = '" + WORK_MEM + "'");
                    }
                    var m = this.month;
                    beneficiaries = new ArrayList<>();
                    try (var q = connection.prepareStatement("""
                            select distinct beneficiary_id from ltc_service_record where settle_month = ?
                              and outcome <> 'REJECTED' and residence_path <@ cast(? as ltree) order by beneficiary_id
                            """)) {
                        q.setDate(1, m);
                        q.setString(2, regionPath);
                        q.setFetchSize(FETCH);
                        try (var rs = q.executeQuery()) {
                            while (rs.next()) {
                                beneficiaries.add(rs.getObject(1, UUID.class));
                            }
                        }
                    }
                    try (var q = connection.prepareStatement("""
                            select distinct beneficiary_id, service_month from ltc_service_record
                            where settle_month = ? and service_month < ? and outcome <> 'REJECTED'
                              and residence_path <@ cast(? as ltree) order by 1, 2
                            """)) {
                        q.setDate(1, m);
                        q.setDate(2, m);
                        q.setString(3, regionPath);
                        try (var rs = q.executeQuery()) {
                            while (rs.next()) {
                                adjusted.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                                        .add(YearMonth.from(rs.getObject(2, LocalDate.class)));
                            }
                        }
                    }
                    daysQuery = connection.prepareStatement("""
                            select beneficiary_id, service_date, sum(life_care_fen), sum(bed_fee_fen), sum(medical_fen),
                              sum(consumables_fen), sum(device_fen), count(check_in),
                              coalesce(sum(floor(extract(epoch from (check_out - check_in)) / 60)), 0)
                            from ltc_service_record
                            where settle_month = ? and service_month = ? and outcome = 'ACCEPTED'
                              and residence_path <@ cast(? as ltree)
                            group by beneficiary_id, service_date order by beneficiary_id, service_date
                            """);
                    daysQuery.setDate(1, m);
                    daysQuery.setDate(2, m);
                    daysQuery.setString(3, regionPath);
                    daysQuery.setFetchSize(FETCH);
                    days = daysQuery.executeQuery();
                    more = days.next();
                } catch (java.sql.SQLException | RuntimeException e) {
                    connection.close();
                    throw e;
                }
            } catch (java.sql.SQLException e) {
                throw new org.springframework.dao.DataAccessResourceFailureException("LTC month pass", e);
            }
        }

        /** The {@link #FINGERPRINT} of the lines this pass reads, in its snapshot. */
        String fingerprint() {
            try (var q = connection.prepareStatement(FINGERPRINT)) {
                q.setDate(1, month);
                q.setString(2, regionPath);
                try (var rs = q.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            } catch (java.sql.SQLException e) {
                throw new org.springframework.dao.DataAccessResourceFailureException("LTC month pass", e);
            }
        }

        /** Beneficiaries with accepted lines settled in the month (own lines or adjustments), in id order. */
        List<UUID> beneficiaries() {
            return beneficiaries;
        }

        /** The earlier months of a beneficiary with accepted adjustments settled in this month. */
        List<YearMonth> adjustedMonths(UUID beneficiary) {
            return adjusted.getOrDefault(beneficiary, List.of());
        }

        /**
         * The service days of the next beneficiary in {@link #beneficiaries()} order (call once per beneficiary, in
         * that order, skipped ones included): empty if it has only adjustments.
         */
        List<ServiceDay> daysOf(UUID beneficiary) {
            try {
                List<ServiceDay> list = new ArrayList<>();
                while (more && beneficiary.equals(days.getObject(1, UUID.class))) {
                    list.add(new ServiceDay(days.getObject(2, LocalDate.class), days.getLong(3), days.getLong(4),
                            days.getLong(5), days.getLong(6), days.getLong(7), days.getInt(8), days.getLong(9)));
                    more = days.next();
                }
                return list;
            } catch (java.sql.SQLException e) {
                throw new org.springframework.dao.DataAccessResourceFailureException("LTC month pass", e);
            }
        }

        @Override
        public void close() {
            try (connection) {
                days.close();
                daysQuery.close();
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
