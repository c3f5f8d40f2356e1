package org.yiyang.ltc.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Facts that arrive after the lines they concern: a hospital stay, an end of the benefit or of the provider's
 * agreement recorded once lines of those days were already accepted. Such lines are rejected then with the same reason
 * code a line submitted afterwards would get, so the settlement never pays them. Only lines of open months are
 * touched — a line of a frozen (approved or locked) month is never changed; those are corrected by the provider's
 * cancellation, settled as a difference in the next open month. Each call runs inside the caller's transaction.
 */
@Component
class LateFacts {
    private static final String OPEN_MONTH = """
            not exists (select 1 from ltc_settlement_run r where r.status in ('APPROVED', 'LOCKED')
                          and r.month = s.service_month and s.residence_path <@ r.region_path)
            """;

    private final JdbcClient jdbc;

    LateFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rejects the beneficiary's accepted lines dated from {@code from} to {@code to} (open end: null); how many. */
    int rejectBeneficiaryLines(UUID beneficiaryId, LocalDate from, @Nullable LocalDate to, String reason) {
        return reject("beneficiary_id", beneficiaryId, from, to, reason);
    }

    /** Rejects a designated provider's accepted lines dated from {@code from} to {@code to}; how many. */
    int rejectProviderLines(UUID designatedProviderId, LocalDate from, @Nullable LocalDate to, String reason) {
        return reject("designated_provider_id", designatedProviderId, from, to, reason);
    }

    private int reject(String column, UUID id, LocalDate from, @Nullable LocalDate to, String reason) {
        return jdbc.sql("""
                        update ltc_service_record s
                           set outcome = 'REJECTED', reasons = array_append(s.reasons, cast(:reason as varchar)),
                               revision = s.revision + 1
                         where s.%s = :id and s.outcome = 'ACCEPTED'
                           and s.service_date >= :from and (cast(:to as date) is null or s.service_date <= :to)
                           and\s""".formatted(column) + OPEN_MONTH)
                .param("reason", reason).param("id", id).param("from", from)
                .param("to", to, java.sql.Types.DATE).update();
    }
}
