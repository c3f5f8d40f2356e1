package org.yiyang.account.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.eligibility.Eligibility;
import org.yiyang.eligibility.EligibilityAnswer;
import org.yiyang.eligibility.EligibilityAnswer.ItemAnswer;
import org.yiyang.jobs.Jobs;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Role;

/**
 * Crediting a month: first every earlier month still open expires (its balance is written off with an EXPIRY entry —
 * 不能滚存), then every person with a community-subsidy grant in force on the first day of the month and alive then
 * gets the month's account with one CREDIT entry per subsidy item. The items and amounts are the rules re-evaluated on
 * the first day of the month, so that a change of tags or care level counts from the month after it (第二十八条);
 * every difference against the month before (or against the grant in the first month) is recorded with its reason.
 *
 * <p>Idempotent and resumable: each person's month is written in one transaction guarded by the account_month primary
 * key, and the candidates are the people without that row. A rerun for the same month changes nothing; a run that
 * died half-way continues with the people it had not reached.
 */
@Service
class ServiceAccountCrediting {
    static final String JOB_TYPE = "SERVICE_ACCOUNT_CREDIT";
    static final UUID SYSTEM = new UUID(0, 0);
    private static final Logger log = LoggerFactory.getLogger(ServiceAccountCrediting.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Eligibility eligibility;
    private final ServiceAccountRules rules;
    private final Jobs jobs;
    private final AuditTrail audit;
    private final int batchSize;

    ServiceAccountCrediting(JdbcClient jdbc, TransactionTemplate transactions, Eligibility eligibility, ServiceAccountRules rules,
                     Jobs jobs, AuditTrail audit, @Value("${yiyang.account.credit-batch-size:200}") int batchSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.eligibility = eligibility;
        this.rules = rules;
        this.jobs = jobs;
        this.audit = audit;
        this.batchSize = batchSize;
    }

    /** What a run did. {@code complete} false: it stopped before the end (a later run continues). */
    record Result(YearMonth month, long expired, long accounts, long credits, long adjustments, boolean complete,
                  @Nullable UUID jobId) {
    }

    Result credit(YearMonth month) {
        return run(month, batchSize, Integer.MAX_VALUE);
    }

    /** At most {@code maxBatches} batches of {@code batch} people (a smaller number simulates a run that dies). */
    Result run(YearMonth month, int batch, int maxBatches) {
        LocalDate first = month.atDay(1);
        long expired = expireBefore(first);
        List<Candidate> candidates = candidates(first, batch);
        if (candidates.isEmpty()) {
            return new Result(month, expired, 0, 0, 0, true, null);
        }
        UUID job = jobs.startSystemJob(JOB_TYPE, month.toString(), null);
        var totals = new long[3];
        int batches = 0;
        try {
            while (!candidates.isEmpty() && batches < maxBatches) {
                for (Candidate c : candidates) {
                    long[] done = transactions.execute(status -> creditOne(c, month, job));
                    for (int i = 0; i < 3; i++) {
                        totals[i] += done == null ? 0 : done[i];
                    }
                }
                batches++;
                jobs.progress(job, totals[0], totals[0], 0);
                candidates = batches < maxBatches ? candidates(first, batch) : candidates;
            }
        } catch (RuntimeException e) {
            log.warn("Service account credit job {} failed: {}", job, e.getClass().getSimpleName());
            jobs.fail(job, "failed: " + e.getClass().getSimpleName());
            throw e;
        }
        boolean complete = candidates(first, 1).isEmpty();
        if (complete) {
            jobs.succeed(job, "accounts " + totals[0] + ", credits " + totals[1] + ", adjustments " + totals[2]);
            audit.record(AuditEvent.success("SERVICE_ACCOUNT_CREDITED", null, "job", job).withDetails(Map.of(
                    "month", month.toString(), "accounts", totals[0], "credits", totals[1],
                    "adjustments", totals[2])));
        }
        return new Result(month, expired, totals[0], totals[1], totals[2], complete, job);
    }

    /** Closes every open month before {@code first}: the rest of its balance expires (never below zero). */
    long expireBefore(LocalDate first) {
        return jdbc.sql("""
                insert into account_entry (id, person_id, month, residence_path, kind, amount_fen, entry_date)
                select gen_random_uuid(), m.person_id, m.month, m.residence_path, 'EXPIRY',
                       -greatest(coalesce((select sum(e.amount_fen) from account_entry e
                                           where e.person_id = m.person_id and e.month = m.month), 0), 0),
                       cast(m.month + interval '1 month' - interval '1 day' as date)
                from account_month m
                where m.month < :first
                  and not exists (select 1 from account_entry x where x.person_id = m.person_id
                                  and x.month = m.month and x.kind = 'EXPIRY')
                on conflict do nothing
                """).param("first", first).update();
    }

    record Candidate(UUID personId, String residencePath) {
    }

    private List<Candidate> candidates(LocalDate first, int limit) {
        return jdbc.sql("""
                select distinct g.person_id, f.residence_path::text
                from application_grant_fact g
                join person_fact f on f.person_id = g.person_id
                where g.item_code in (:items) and g.valid_from <= :first
                  and (g.valid_to is null or g.valid_to >= :first)
                  and (f.death_date is null or f.death_date >= :first)
                  and not exists (select 1 from account_month m where m.person_id = g.person_id and m.month = :first)
                order by g.person_id
                limit :limit
                """).param("items", rules.accountItems()).param("first", first).param("limit", limit)
                .query((rs, n) -> new Candidate(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    /** One person's month: [accounts, credits, adjustments] written (zeros when another run got there first). */
    private long[] creditOne(Candidate c, YearMonth month, UUID job) {
        LocalDate first = month.atDay(1);
        int opened = jdbc.sql("""
                insert into account_month (person_id, month, residence_path, credited_on, job_id)
                values (:p, :m, cast(:path as ltree), :m, :job) on conflict do nothing
                """).param("p", c.personId()).param("m", first).param("path", c.residencePath()).param("job", job)
                .update();
        if (opened == 0) {
            return new long[3];
        }
        Map<String, Long> granted = new HashMap<>();
        jdbc.sql("""
                select item_code, monthly_amount_fen from application_grant_fact
                where person_id = :p and item_code in (:items) and valid_from <= :first
                  and (valid_to is null or valid_to >= :first)
                """).param("p", c.personId()).param("items", rules.accountItems()).param("first", first)
                .query(rs -> {
                    long fen = rs.getLong(2);
                    granted.merge(rs.getString(1), rs.wasNull() ? 0L : fen, Math::max);
                });
        Map<String, Long> before = previousMonth(c.personId(), first.minusMonths(1));
        EligibilityAnswer answer = eligibility.evaluatePerson(c.personId(), first, "en", systemActor(c));
        Map<String, ItemAnswer> answers = answer.items().stream()
                .collect(Collectors.toMap(ItemAnswer::item, a -> a, (a, b) -> a));
        long credits = 0;
        long adjustments = 0;
        for (String item : rules.accountItems()) {
            Long grant = granted.get(item);
            Decided d = decide(answers.get(item), grant);
            long previous = before != null ? before.getOrDefault(item, 0L) : grant == null ? 0 : grant;
            if (d.fen() > 0) {
                jdbc.sql("""
                        insert into account_entry (id, person_id, month, residence_path, kind, amount_fen, item_code,
                                                   entry_date)
                        values (:id, :p, :m, cast(:path as ltree), 'CREDIT', :fen, :item, :m)
                        """).param("id", UUID.randomUUID()).param("p", c.personId()).param("m", first)
                        .param("path", c.residencePath()).param("fen", d.fen()).param("item", item).update();
                credits++;
            }
            if (d.fen() != previous) {
                jdbc.sql("""
                        insert into account_adjustment (person_id, month, residence_path, item_code, previous_fen,
                                                        new_fen, reason, detail)
                        values (:p, :m, cast(:path as ltree), :item, :prev, :fen, :reason, :detail)
                        """).param("p", c.personId()).param("m", first).param("path", c.residencePath())
                        .param("item", item).param("prev", previous).param("fen", d.fen())
                        .param("reason", d.fen() > previous && previous == 0 ? "NOW_ELIGIBLE" : d.reason())
                        .param("detail", d.detail()).update();
                adjustments++;
            }
        }
        return new long[] {1, credits, adjustments};
    }

    /** The item's amount for the month and why. */
    record Decided(long fen, String reason, @Nullable String detail) {
    }

    static Decided decide(@Nullable ItemAnswer a, @Nullable Long grant) {
        long granted = grant == null ? 0 : grant;
        if (a == null) {
            return new Decided(granted, "NOT_IN_LIST_VERSION", null);
        }
        if (Boolean.TRUE.equals(a.eligible()) && a.supersededBy() == null) {
            long fen = a.monthlyAmountFen() != null ? a.monthlyAmountFen() : granted;
            return new Decided(fen, "AMOUNT_CHANGED", null);
        }
        if (Boolean.TRUE.equals(a.eligible())) {
            return new Decided(0, "SUPERSEDED", a.supersededBy());
        }
        if (a.eligible() == null) {
            // facts missing: the account keeps what was granted rather than stop on a gap in the registry
            return new Decided(granted, "FACTS_UNKNOWN_GRANT_KEPT", String.join(", ", a.missingFacts()));
        }
        String failed = a.trace().stream().filter(t -> Boolean.FALSE.equals(t.result()))
                .map(EligibilityAnswer.TraceClause::clause).collect(Collectors.joining("; "));
        return new Decided(0, "NO_LONGER_ELIGIBLE", failed.isEmpty() ? null : failed);
    }

    /** The credits of the month before by item, or null when the person had no account then (the first month). */
    private @Nullable Map<String, Long> previousMonth(UUID person, LocalDate month) {
        boolean had = jdbc.sql("select exists (select 1 from account_month where person_id = :p and month = :m)")
                .param("p", person).param("m", month).query(Boolean.class).single();
        if (!had) {
            return null;
        }
        Map<String, Long> credits = new HashMap<>();
        jdbc.sql("select item_code, amount_fen from account_entry where person_id = :p and month = :m"
                        + " and kind = 'CREDIT'")
                .param("p", person).param("m", month)
                .query(rs -> {
                    credits.put(rs.getString(1), rs.getLong(2));
                });
        return credits;
    }

    /**
     * The job reads one person's eligibility as the system, with a jurisdiction of that person's own community only:
     * the engine's jurisdiction filter still applies.
     */
    static Actor systemActor(Candidate c) {
        String path = c.residencePath();
        String code = path.substring(path.lastIndexOf('.') + 1);
        return new Actor(SYSTEM, "system:service-account", Set.of(Role.CITY_OFFICER), code, path, null);
    }
}
