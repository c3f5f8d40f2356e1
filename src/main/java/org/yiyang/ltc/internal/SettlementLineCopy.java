package org.yiyang.ltc.internal;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.yiyang.ltc.SettlementLine;

/**
 * The settlement lines of one batch of beneficiaries, written with one {@code COPY … FROM STDIN} (PostgreSQL's text
 * format) on the batch's transaction, with each beneficiary's designated provider, provider and residence copied
 * from the beneficiary (read once for the batch).
 */
final class SettlementLineCopy {
    private static final String COPY = "copy ltc_settlement_line (run_id, beneficiary_id, for_month,"
            + " designated_provider_id, provider_id, residence_path, category, cost_fen, eligible_cost_fen,"
            + " daily_limit_fen, limit_fen, limit_kind, ratio_bp, fund_pay_fen, note, policy_id) from stdin";

    private record Owner(String designatedProvider, @Nullable String provider, String residencePath) {
    }

    private final Map<UUID, Owner> owners = new HashMap<>();
    private final StringBuilder rows = new StringBuilder(1 << 16);
    private final StringBuilder pending = new StringBuilder();
    private final String runId;
    private int count;

    SettlementLineCopy(JdbcClient jdbc, UUID runId, List<UUID> beneficiaries) {
        this.runId = runId.toString();
        if (!beneficiaries.isEmpty()) {
            jdbc.sql("select id, designated_provider_id, provider_id, residence_path::text from ltc_beneficiary"
                            + " where id = any(cast(:ids as uuid[]))")
                    .param("ids", MonthCaseBuilder.texts(beneficiaries))
                    .query(rs -> {
                        owners.put(rs.getObject(1, UUID.class),
                                new Owner(rs.getString(2), rs.getString(3), rs.getString(4)));
                    });
        }
    }

    /** A line of {@code beneficiary} for {@code forMonth} with the given amounts (the engine's, or differences). */
    void add(UUID beneficiary, YearMonth forMonth, SettlementLine l, long cost, long eligible, long fund,
             @Nullable String note) {
        Owner o = owners.get(beneficiary);
        if (o == null) {
            throw new IllegalStateException("beneficiary of a settlement line not read");
        }
        pending.setLength(0);
        pending.append(runId).append('\t').append(beneficiary).append('\t').append(forMonth.atDay(1)).append('\t')
                .append(o.designatedProvider()).append('\t');
        field(o.provider()).append('\t');
        field(o.residencePath()).append('\t');
        field(l.category().name()).append('\t').append(cost).append('\t').append(eligible).append('\t');
        field(l.dailyLimitFen()).append('\t');
        field(l.limitFen()).append('\t');
        field(l.limitKind() == null ? null : l.limitKind().name()).append('\t').append(l.ratioBp()).append('\t')
                .append(fund).append('\t');
        field(note).append('\t');
        field(l.policyId()).append('\n');
        rows.append(pending);
        count++;
    }

    /** Copies the lines on the connection of the current transaction. */
    void copy(DataSource dataSource) {
        if (count == 0) {
            return;
        }
        String text = rows.toString();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            long copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(text));
            if (copied != count) {
                throw new IllegalStateException("copied " + copied + " settlement lines of " + count);
            }
        } catch (SQLException | java.io.IOException e) {
            throw new DataAccessResourceFailureException("COPY of settlement lines failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private StringBuilder field(@Nullable Object value) {
        if (value == null) {
            return pending.append("\\N");
        }
        String v = value.toString();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> pending.append("\\\\");
                case '\t' -> pending.append("\\t");
                case '\n' -> pending.append("\\n");
                case '\r' -> pending.append("\\r");
                default -> pending.append(c);
            }
        }
        return pending;
    }
}
