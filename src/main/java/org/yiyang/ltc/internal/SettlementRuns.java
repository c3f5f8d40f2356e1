package org.yiyang.ltc.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.jobs.Jobs;
import org.yiyang.ltc.LtcPolicies;
import org.yiyang.ltc.LtcPolicy;
import org.yiyang.ltc.LtcSettlementEngine;
import org.yiyang.ltc.MonthSettlement;
import org.yiyang.ltc.ServiceCatalogue;
import org.yiyang.ltc.ServiceCatalogues;
import org.yiyang.ltc.SettlementLine;
import org.yiyang.platform.YiyangProperties;
import org.yiyang.region.Regions;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Conflict;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;
import org.yiyang.shared.Role;

/**
 * Monthly settlement runs per district (or any region) and month: PREVIEW → APPROVED → LOCKED. A preview runs as a job
 * with progress, settling beneficiaries in id order in committed batches with the one {@link LtcSettlementEngine}; a
 * run that died half-way is resumed by asking for the preview again (settled beneficiaries are kept), a completed
 * preview is rebuilt from scratch, and the same accepted lines always give the same rows. Settlement on a SAMPLE
 * catalogue runs only in demo mode, and the run carries the catalogue's stamp.
 */
@Service
class SettlementRuns {
    static final String JOB_TYPE = "LTC_SETTLEMENT";
    private static final Logger log = LoggerFactory.getLogger(SettlementRuns.class);
    private static final int BATCH = 1000;
    private static final String RUN_COLUMNS = "r.id, r.region_code, r.month, r.status, r.policy_id, r.catalogue_id,"
            + " r.catalogue_stamp, r.job_id, r.completed, r.beneficiaries, r.total_fen, r.fund_fen,"
            + " r.assessment_fees, r.assessment_fee_fund_fen, r.assessment_fee_applicant_fen";

    private final JdbcClient jdbc;
    private final Regions regions;
    private final LtcPolicies policies;
    private final ServiceCatalogues catalogues;
    private final LtcSettlementEngine engine;
    private final MonthCaseBuilder cases;
    private final BeneficiaryRegistry beneficiaries;
    private final Jobs jobs;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final YiyangProperties properties;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate namedJdbc;
    private final javax.sql.DataSource dataSource;
    /** The phases of the last completed run (read by the benchmark). */
    private volatile SettlementPhases lastPhases = new SettlementPhases();

    SettlementRuns(JdbcClient jdbc, Regions regions, LtcPolicies policies, ServiceCatalogues catalogues,
                   LtcSettlementEngine engine, MonthCaseBuilder cases, BeneficiaryRegistry beneficiaries, Jobs jobs,
                   TransactionTemplate transactions, AuditTrail audit, YiyangProperties properties,
                   org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate namedJdbc,
                   javax.sql.DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.regions = regions;
        this.policies = policies;
        this.catalogues = catalogues;
        this.engine = engine;
        this.cases = cases;
        this.beneficiaries = beneficiaries;
        this.jobs = jobs;
        this.transactions = transactions;
        this.audit = audit;
        this.properties = properties;
        this.namedJdbc = namedJdbc;
    }

    /** Builds (or resumes, or rebuilds) the preview of a region's month; answers the run when the job is done. */
    RunView preview(NewRun request, Actor actor) {
        return preview(request, actor, Integer.MAX_VALUE);
    }

    /** As {@link #preview(NewRun, Actor)}, stopping after {@code maxBeneficiaries} (tests simulate a crash with it). */
    RunView preview(NewRun request, Actor actor, int maxBeneficiaries) {
        actor.require(Role.LTC_OFFICER);
        var problems = new InvalidInput.Collector();
        String path = null;
        if (request.regionCode() == null || request.regionCode().isBlank()) {
            problems.add("regionCode", "REQUIRED");
        } else {
            path = regions.pathOf(request.regionCode()).orElse(null);
            if (path == null) {
                problems.add("regionCode", "REGION_UNKNOWN");
            } else if (!(path.equals(actor.jurisdictionPath()) || path.startsWith(actor.jurisdictionPath() + "."))) {
                problems.add("regionCode", "OUTSIDE_JURISDICTION");
            }
        }
        YearMonth month = LtcInput.month("month", request.month(), problems);
        LtcPolicy policy = month == null ? null : policies.forMonth(month).orElse(null);
        ServiceCatalogue catalogue = month == null ? null : catalogues.onDay(month.atDay(1)).orElse(null);
        if (month != null && policy == null) {
            problems.add("month", "LTC_NO_POLICY_FOR_MONTH");
        } else if (month != null && catalogue == null) {
            problems.add("month", "LTC_NO_CATALOGUE_FOR_MONTH");
        }
        problems.throwIfAny();
        try {
            catalogue.requireUsableForSettlement(properties.demoEnabled());
        } catch (ServiceCatalogue.CatalogueNotForPayment e) {
            throw new Conflict("LTC_CATALOGUE_NOT_FOR_PAYMENT", Map.of("catalogue", catalogue.id()));
        }
        String regionPath = path;
        var phases = new SettlementPhases();
        UUID runId = transactions.execute(s -> openRun(request.regionCode(), regionPath, month, policy, catalogue,
                actor));
        // the number of beneficiaries is known once the pass has read the month (set at the end)
        UUID job = jobs.start(JOB_TYPE, request.regionCode() + ":" + month, null, actor);
        jdbc.sql("update ltc_settlement_run set job_id = :j where id = :id").param("j", job).param("id", runId)
                .update();
        phases.enter("open");
        try (var pass = cases.open(regionPath, month)) {
            phases.stop();
            long settled = settle(runId, month, policy, pass, job, maxBeneficiaries, phases);
            if (settled >= 0) {
                phases.enter("complete");
                String fingerprint = pass.fingerprint();
                transactions.executeWithoutResult(s -> complete(runId, fingerprint));
                phases.stop();
                lastPhases = phases;
                log.info("Settlement run {} phases (ms): {}", runId, phases);
                jobs.total(job, settled);
                jobs.succeed(job, "settled " + settled);
                audit.record(AuditEvent.success("LTC_SETTLEMENT_PREVIEWED", actor, "ltcSettlementRun", runId)
                        .withDetails(Map.of("beneficiaries", settled)));
            }
        } catch (RuntimeException e) {
            log.warn("Settlement job {} failed: {}", job, e.getClass().getSimpleName());
            jobs.fail(job, "failed: " + e.getClass().getSimpleName());
            throw e;
        }
        return find(runId, actor);
    }

    /** Milliseconds per phase of the last completed preview (for the benchmark). */
    java.util.Map<String, Long> lastPhases() {
        return lastPhases.millis();
    }

    private UUID openRun(String regionCode, String path, YearMonth month, LtcPolicy policy, ServiceCatalogue catalogue,
                         Actor actor) {
        var existing = jdbc.sql("select id, status, completed from ltc_settlement_run where region_code = :r"
                        + " and month = :m for update")
                .param("r", regionCode).param("m", month.atDay(1))
                .query((rs, n) -> new Object[]{rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)})
                .optional();
        if (existing.isEmpty()) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            insert into ltc_settlement_run (id, region_code, region_path, month, status, policy_id,
                              catalogue_id, catalogue_stamp, created_by)
                            values (:id, :r, cast(:path as ltree), :m, 'PREVIEW', :policy, :cat, :stamp, :by)
                            """)
                    .param("id", id).param("r", regionCode).param("path", path).param("m", month.atDay(1))
                    .param("policy", policy.id()).param("cat", catalogue.id()).param("stamp", catalogue.stamp())
                    .param("by", actor.userId()).update();
            return id;
        }
        UUID id = (UUID) existing.get()[0];
        if (!"PREVIEW".equals(existing.get()[1])) {
            throw new Conflict("LTC_SETTLEMENT_" + existing.get()[1], Map.of("id", id));
        }
        if ((Boolean) existing.get()[2]) {
            // a completed preview is rebuilt from the lines as they are now
            jdbc.sql("delete from ltc_settlement_line where run_id = :id").param("id", id).update();
            jdbc.sql("update ltc_settlement_run set completed = false, beneficiaries = 0, total_fen = 0,"
                    + " fund_fen = 0, policy_id = :policy, catalogue_id = :cat, catalogue_stamp = :stamp"
                    + " where id = :id").param("policy", policy.id()).param("cat", catalogue.id())
                    .param("stamp", catalogue.stamp()).param("id", id).update();
        }
        // otherwise an unfinished run: resume, keeping the beneficiaries already settled
        return id;
    }

    /**
     * Settles the beneficiaries of the pass not settled yet, in its order, in committed batches; answers how many
     * beneficiaries the month has (settled now or before), or -1 when stopped after {@code max} (the run stays
     * incomplete and is resumed by the next preview). A reader thread takes the batches from the pass (its cursor and
     * connection are used by that thread only) while this one settles and writes the previous batch.
     */
    private long settle(UUID runId, YearMonth month, LtcPolicy policy, MonthCaseBuilder.MonthPass pass, UUID job,
                        int max, SettlementPhases phases) {
        phases.enter("resume");
        var done = new java.util.HashSet<>(jdbc.sql("select distinct beneficiary_id from ltc_settlement_line"
                + " where run_id = :id").param("id", runId).query(UUID.class).list());
        phases.stop();
        var reader = new PassReader(pass::next, done, max);
        Thread thread = new Thread(reader, "ltc-settlement-pass");
        thread.setDaemon(true);
        thread.start();
        long count = done.size();
        try {
            while (true) {
                phases.enter("read");
                List<MonthCaseBuilder.MonthOf> chunk = reader.take();
                phases.stop();
                if (chunk.isEmpty()) {
                    break;
                }
                transactions.executeWithoutResult(s -> settleBatch(runId, chunk, month, policy, phases));
                count += chunk.size();
                jobs.progress(job, count, count, 0);
            }
        } finally {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return reader.stopped ? -1 : reader.seen;
    }

    /** Where the reader takes the beneficiaries' months from, in order; null at the end. */
    interface PassSource {
        MonthCaseBuilder.@Nullable MonthOf next();
    }

    /**
     * Reads the pass into batches of beneficiaries not settled yet, handing them over through a small queue; an empty
     * batch marks the end (or the stop after {@code max}); a failure is handed over and thrown by {@link #take()}.
     */
    static final class PassReader implements Runnable {
        private static final List<MonthCaseBuilder.MonthOf> END = List.of();
        private final PassSource pass;
        private final java.util.Set<UUID> done;
        private final int max;
        private final java.util.concurrent.BlockingQueue<Object> queue =
                new java.util.concurrent.ArrayBlockingQueue<>(2);
        long seen;
        boolean stopped;

        PassReader(PassSource pass, java.util.Set<UUID> done, int max) {
            this.pass = pass;
            this.done = done;
            this.max = max;
        }

        @Override
        public void run() {
            try {
                int taken = 0;
                while (true) {
                    List<MonthCaseBuilder.MonthOf> chunk = new java.util.ArrayList<>();
                    boolean end = false;
                    while (chunk.size() < BATCH && taken + chunk.size() < max) {
                        var next = pass.next(); // read even when already settled: the fingerprint covers every line
                        if (next == null) {
                            end = true;
                            break;
                        }
                        seen++;
                        if (!done.contains(next.beneficiary())) {
                            chunk.add(next);
                        }
                    }
                    taken += chunk.size();
                    if (!chunk.isEmpty()) {
                        queue.put(chunk);
                    }
                    if (end || taken >= max) {
                        stopped = !end;
                        queue.put(END);
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                try {
                    queue.put(e); // the settling thread takes it and throws it
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @SuppressWarnings("unchecked")
        List<MonthCaseBuilder.MonthOf> take() {
            try {
                Object next = queue.take();
                if (next instanceof RuntimeException e) {
                    throw e;
                }
                if (next instanceof Error e) {
                    throw e;
                }
                return (List<MonthCaseBuilder.MonthOf>) next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the month pass", e);
            }
        }
    }

    /** Settles a batch of beneficiaries: their months built together, each settled by the engine, lines copied. */
    private void settleBatch(UUID runId, List<MonthCaseBuilder.MonthOf> months, YearMonth month, LtcPolicy policy,
                             SettlementPhases phases) {
        phases.enter("beneficiaries");
        List<UUID> ids = months.stream().map(MonthCaseBuilder.MonthOf::beneficiary).toList();
        Map<UUID, List<MonthCaseBuilder.ServiceDay>> days = new java.util.HashMap<>();
        Map<UUID, List<YearMonth>> adjusted = new java.util.HashMap<>();
        for (var m : months) {
            days.put(m.beneficiary(), m.days());
            adjusted.put(m.beneficiary(), m.adjustedMonths());
        }
        var batch = beneficiaries.loadAll(ids);
        var lines = new SettlementLineCopy(jdbc, runId, ids);
        phases.enter("build");
        var monthCases = cases.buildAll(batch, month, days);
        phases.enter("engine");
        for (var b : batch) {
            var monthCase = monthCases.get(b.id());
            if (monthCase != null) {
                for (SettlementLine l : engine.settle(policy, monthCase).lines()) {
                    lines.add(b.id(), month, l, l.costFen(), l.eligibleCostFen(), l.fundPayFen(),
                            l.note() == null ? null : l.note().code());
                }
            }
        }
        phases.enter("write");
        lines.copy(dataSource);
        phases.enter("adjust");
        for (var b : batch) {
            for (YearMonth earlier : adjusted.getOrDefault(b.id(), List.of())) {
                adjust(runId, b, earlier, month);
            }
        }
        phases.stop();
    }

    /**
     * An adjustment of a frozen month: the month settled again with its corrected lines, by the same engine and the
     * policy of that month; the run records per category the difference to what was settled for it before.
     */
    private void adjust(UUID runId, org.yiyang.ltc.Beneficiary b, YearMonth earlier, YearMonth month) {
        var corrected = cases.build(b, earlier, month);
        LtcPolicy policy = policies.forMonth(earlier).orElse(null);
        if (corrected.isEmpty()) {
            // every line of the month was cancelled: what was settled for it is reversed
            jdbc.sql("""
                            insert into ltc_settlement_line (run_id, beneficiary_id, for_month, designated_provider_id,
                              provider_id, residence_path, category, cost_fen, eligible_cost_fen, daily_limit_fen,
                              limit_fen, limit_kind, ratio_bp, fund_pay_fen, note, policy_id)
                            select :run, b.id, :for, b.designated_provider_id, b.provider_id, b.residence_path,
                              l.category, -sum(l.cost_fen), -sum(l.eligible_cost_fen), null, null, null,
                              max(l.ratio_bp), -sum(l.fund_pay_fen), 'ADJUSTMENT', max(l.policy_id)
                            from ltc_settlement_line l join ltc_settlement_run r on r.id = l.run_id
                              join ltc_beneficiary b on b.id = l.beneficiary_id
                            where l.beneficiary_id = :b and l.for_month = :for and r.month < :m
                              and r.status in ('APPROVED', 'LOCKED')
                            group by b.id, b.designated_provider_id, b.provider_id, b.residence_path, l.category
                            having sum(l.cost_fen) <> 0 or sum(l.eligible_cost_fen) <> 0 or sum(l.fund_pay_fen) <> 0
                            """)
                    .param("run", runId).param("b", b.id()).param("for", earlier.atDay(1)).param("m", month.atDay(1))
                    .update();
            return;
        }
        if (policy == null) {
            return;
        }
        Map<String, long[]> before = new java.util.HashMap<>();
        jdbc.sql("""
                        select l.category, sum(l.cost_fen), sum(l.eligible_cost_fen), sum(l.fund_pay_fen)
                        from ltc_settlement_line l join ltc_settlement_run r on r.id = l.run_id
                        where l.beneficiary_id = :b and l.for_month = :for and r.month < :m
                          and r.status in ('APPROVED', 'LOCKED')
                        group by l.category
                        """)
                .param("b", b.id()).param("for", earlier.atDay(1)).param("m", month.atDay(1))
                .query(rs -> {
                    before.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                });
        for (SettlementLine l : engine.settle(policy, corrected.get()).lines()) {
            long[] was = before.getOrDefault(l.category().name(), new long[3]);
            long cost = l.costFen() - was[0];
            long eligible = l.eligibleCostFen() - was[1];
            long fund = l.fundPayFen() - was[2];
            if (cost != 0 || eligible != 0 || fund != 0) {
                insertLine(runId, b.id(), earlier, l, cost, eligible, fund, "ADJUSTMENT");
            }
        }
    }

    private static final String INSERT_LINE = """
            insert into ltc_settlement_line (run_id, beneficiary_id, for_month, designated_provider_id,
              provider_id, residence_path, category, cost_fen, eligible_cost_fen, daily_limit_fen,
              limit_fen, limit_kind, ratio_bp, fund_pay_fen, note, policy_id)
            select :run, b.id, :for, b.designated_provider_id, b.provider_id, b.residence_path, :cat,
              :cost, :eligible, :daily, :limit, :kind, :ratio, :fund, :note, :policy
            from ltc_beneficiary b where b.id = :b
            """;

    private void insertLine(UUID runId, UUID beneficiaryId, YearMonth forMonth, SettlementLine l, long cost,
                            long eligible, long fund, @Nullable String note) {
        namedJdbc.update(INSERT_LINE, line(runId, beneficiaryId, forMonth, l, cost, eligible, fund, note));
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource line(
            UUID runId, UUID beneficiaryId, YearMonth forMonth, SettlementLine l, long cost, long eligible, long fund,
            @Nullable String note) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("run", runId).addValue("b", beneficiaryId).addValue("for", forMonth.atDay(1))
                .addValue("cat", l.category().name()).addValue("cost", cost).addValue("eligible", eligible)
                .addValue("daily", l.dailyLimitFen(), java.sql.Types.BIGINT)
                .addValue("limit", l.limitFen(), java.sql.Types.BIGINT)
                .addValue("kind", l.limitKind() == null ? null : l.limitKind().name(), java.sql.Types.VARCHAR)
                .addValue("ratio", l.ratioBp()).addValue("fund", fund)
                .addValue("note", note, java.sql.Types.VARCHAR).addValue("policy", l.policyId());
    }

    private void complete(UUID runId, String fingerprint) {
        jdbc.sql("""
                        update ltc_settlement_run r set completed = true, inputs_fingerprint = :fingerprint,
                          beneficiaries = t.beneficiaries, total_fen = t.total, fund_fen = t.fund
                        from (select count(distinct beneficiary_id) as beneficiaries, coalesce(sum(cost_fen), 0) as total,
                                coalesce(sum(fund_pay_fen), 0) as fund
                              from ltc_settlement_line where run_id = :id) t
                        where r.id = :id
                        """).param("id", runId).param("fingerprint", fingerprint).update();
        countAssessmentFees(runId);
    }

    /** The assessment fees (第十八条) of the run's region and month: how many, the fund's and the applicants' shares. */
    private void countAssessmentFees(UUID runId) {
        jdbc.sql("""
                        update ltc_settlement_run r set assessment_fees = f.n, assessment_fee_fund_fen = f.fund,
                          assessment_fee_applicant_fen = f.applicant
                        from (select count(a.id) as n, coalesce(sum(a.fund_fen), 0) as fund,
                                coalesce(sum(a.applicant_fen), 0) as applicant
                              from ltc_settlement_run x join ltc_assessment_fee a
                                on a.service_month = x.month and a.residence_path <@ x.region_path
                              where x.id = :id) f
                        where r.id = :id
                        """).param("id", runId).update();
    }

    /** The fingerprint of the region-month's accepted lines as they are now (see {@link MonthCaseBuilder#FINGERPRINT}). */
    private String fingerprint(UUID runId) {
        Object[] r = jdbc.sql("select r.region_path::text, r.month from ltc_settlement_run r where r.id = :id")
                .param("id", runId)
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getObject(2, LocalDate.class)}).single();
        return jdbc.sql(MonthCaseBuilder.FINGERPRINT).param(1, r[1]).param(2, r[0]).query(String.class).single();
    }

    @Transactional
    RunView approve(UUID id, Actor actor) {
        return advance(id, "PREVIEW", "APPROVED", "approved", actor);
    }

    @Transactional
    RunView lock(UUID id, Actor actor) {
        return advance(id, "APPROVED", "LOCKED", "locked", actor);
    }

    private RunView advance(UUID id, String from, String to, String column, Actor actor) {
        actor.require(Role.LTC_OFFICER);
        RunView run = find(id, actor);
        if (!run.status().equals(from) || !run.completed()) {
            throw new Conflict("LTC_SETTLEMENT_NOT_" + from, Map.of("id", id));
        }
        String previewed = jdbc.sql("select inputs_fingerprint from ltc_settlement_run where id = :id")
                .param("id", id).query(String.class).single();
        if (from.equals("PREVIEW") && !fingerprint(id).equals(previewed)) {
            // lines were accepted, corrected or rejected after the preview: its figures are no longer the month's
            throw new Conflict("LTC_SETTLEMENT_STALE", Map.of("id", id));
        }
        if (from.equals("PREVIEW")) {
            countAssessmentFees(id); // fees recorded since the preview belong to the month it approves
        }
        jdbc.sql("update ltc_settlement_run set status = :to, " + column + "_by = :by, " + column + "_at = :at"
                        + " where id = :id and status = :from")
                .param("to", to).param("by", actor.userId()).param("at", java.sql.Timestamp.from(Instant.now()))
                .param("id", id).param("from", from).update();
        audit.record(AuditEvent.success("LTC_SETTLEMENT_" + to, actor, "ltcSettlementRun", id));
        return find(id, actor);
    }

    @Transactional(readOnly = true)
    RunView find(UUID id, Actor actor) {
        RunView run = jdbc.sql("select " + RUN_COLUMNS + " from ltc_settlement_run r where r.id = :id and "
                        + runScope(actor))
                .param("id", id).param("jurisdiction", actor.jurisdictionPath())
                .param("provider", LtcScope.provider(actor)).query((rs, n) -> run(rs, List.of())).optional()
                .orElseThrow(() -> new NotFound("ltcSettlementRun"));
        List<ProviderTotal> providers = jdbc.sql("""
                        select l.designated_provider_id, p.name, p.agreement_no, count(distinct l.beneficiary_id),
                          sum(l.cost_fen), sum(l.fund_pay_fen)
                        from ltc_settlement_line l join ltc_designated_provider p on p.id = l.designated_provider_id
                        where l.run_id = :id and %s
                        group by l.designated_provider_id, p.name, p.agreement_no order by p.name, p.agreement_no
                        """.formatted(LtcScope.condition(actor, "l.")))
                .param("id", id).param("jurisdiction", actor.jurisdictionPath())
                .param("provider", LtcScope.provider(actor))
                .query((rs, n) -> new ProviderTotal(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getLong(5), rs.getLong(6), rs.getLong(5) - rs.getLong(6)))
                .list();
        return new RunView(run.id(), run.regionCode(), run.month(), run.status(), run.policyId(), run.catalogueId(),
                run.stamp(), run.jobId(), run.completed(), run.beneficiaries(), run.totalFen(), run.fundFen(),
                run.selfFen(), run.assessmentFees(), providers);
    }

    @Transactional(readOnly = true)
    List<RunView> list(Actor actor) {
        return jdbc.sql("select " + RUN_COLUMNS + " from ltc_settlement_run r where " + runScope(actor)
                        + " order by r.month desc, r.region_code limit 200")
                .param("jurisdiction", actor.jurisdictionPath()).param("provider", LtcScope.provider(actor))
                .query((rs, n) -> run(rs, List.of())).list();
    }

    /** The statement rows of a run within the scope, optionally of one designated provider, in a fixed order. */
    @Transactional(readOnly = true)
    List<StatementRow> statement(UUID id, @Nullable UUID designatedProvider, Actor actor) {
        List<StatementRow> rows = new java.util.ArrayList<>();
        statement(id, designatedProvider, actor, rows::add);
        return rows;
    }

    /**
     * The statement rows as {@link #statement(UUID, UUID, Actor)}, handed to {@code sink} one by one as a server-side
     * cursor reads them (a city's statement is never held in memory).
     */
    @Transactional(readOnly = true)
    void statement(UUID id, @Nullable UUID designatedProvider, Actor actor,
                   java.util.function.Consumer<StatementRow> sink) {
        find(id, actor);
        var cursor = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        cursor.setFetchSize(5_000);
        // a city's statement sorts hundreds of thousands of lines: in memory rather than on disk, and by the rank of
        // the agreement number (unique; ranked once over the providers) instead of comparing its text line by line
        cursor.execute("set local work_mem = '" + MonthCaseBuilder.MonthPass.WORK_MEM + "'");
        new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(cursor).query("""
                        select p.agreement_no, p.name, l.beneficiary_id, l.category, l.cost_fen, l.eligible_cost_fen,
                          l.limit_fen, l.limit_kind, l.ratio_bp, l.fund_pay_fen, l.note, l.policy_id, l.for_month
                        from ltc_settlement_line l
                          join (select id, agreement_no, name, row_number() over (order by agreement_no) as rank
                                from ltc_designated_provider) p on p.id = l.designated_provider_id
                        where l.run_id = :id and (cast(:dp as uuid) is null or l.designated_provider_id = :dp) and %s
                        order by p.rank, l.beneficiary_id, l.for_month desc, array_position(array['LIFE_CARE', 'MEDICAL_CARE',
                          'MEDICAL_CONSUMABLES', 'DEVICE']::varchar[], l.category)
                        """.formatted(LtcScope.condition(actor, "l.")),
                new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("id", id)
                        .addValue("dp", designatedProvider, java.sql.Types.OTHER)
                        .addValue("jurisdiction", actor.jurisdictionPath())
                        .addValue("provider", LtcScope.provider(actor), java.sql.Types.OTHER),
                (java.sql.ResultSet rs) -> {
                    sink.accept(new StatementRow(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getLong(5), rs.getLong(6), (Long) rs.getObject(7), rs.getString(8),
                            rs.getInt(9), rs.getLong(10), rs.getString(11), rs.getString(12),
                            YearMonth.from(rs.getObject(13, LocalDate.class)).toString()));
                });
    }

    /**
     * Writes the CSV statement of a run (within the scope, optionally of one provider) to {@code out}, streamed. An
     * export of personal data: audited (before the first byte, in the same transaction).
     */
    @Transactional
    void writeCsv(UUID id, @Nullable UUID designatedProvider, Actor actor, java.io.OutputStream out) {
        var run = find(id, actor);
        auditExport(id, "CSV", designatedProvider, actor);
        try (var csv = new StatementFiles.Csv(run, out)) {
            statement(id, designatedProvider, actor, csv);
        }
    }

    /**
     * Writes the Excel statement of a run (within the scope, optionally of one provider) to {@code out}, streamed from
     * the cursor; an audited export.
     */
    @Transactional
    void writeXlsx(UUID id, @Nullable UUID designatedProvider, Actor actor, java.io.OutputStream out) {
        var run = find(id, actor);
        auditExport(id, "XLSX", designatedProvider, actor);
        try (var xlsx = new StatementFiles.Xlsx(run, out)) {
            statement(id, designatedProvider, actor, xlsx);
        }
    }

    private void auditExport(UUID id, String format, @Nullable UUID designatedProvider, Actor actor) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("format", format);
        if (designatedProvider != null) {
            details.put("designatedProvider", designatedProvider.toString());
        }
        audit.record(AuditEvent.success("LTC_STATEMENT_EXPORTED", actor, "ltcSettlementRun", id)
                .withDetails(details));
    }

    /** The month of one beneficiary: settlement lines of the month's run, if any, and the rejected lines. */
    @Transactional(readOnly = true)
    BeneficiaryStatement beneficiaryStatement(UUID beneficiaryId, YearMonth month, Actor actor) {
        beneficiaries.find(beneficiaryId, actor);
        var run = jdbc.sql("select r.id, r.status, r.catalogue_stamp from ltc_settlement_run r"
                        + " join ltc_settlement_line l on l.run_id = r.id where l.beneficiary_id = :b and r.month = :m"
                        + " limit 1")
                .param("b", beneficiaryId).param("m", month.atDay(1))
                .query((rs, n) -> new Object[]{rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)})
                .optional();
        List<StatementRow> rows = run.isEmpty() ? List.of() : jdbc.sql("""
                        select p.agreement_no, p.name, l.beneficiary_id, l.category, l.cost_fen, l.eligible_cost_fen,
                          l.limit_fen, l.limit_kind, l.ratio_bp, l.fund_pay_fen, l.note, l.policy_id, l.for_month
                        from ltc_settlement_line l join ltc_designated_provider p on p.id = l.designated_provider_id
                        where l.run_id = :id and l.beneficiary_id = :b
                        order by l.for_month desc, array_position(array['LIFE_CARE', 'MEDICAL_CARE', 'MEDICAL_CONSUMABLES',
                          'DEVICE']::varchar[], l.category)
                        """)
                .param("id", run.get()[0]).param("b", beneficiaryId)
                .query((rs, n) -> new StatementRow(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getLong(5), rs.getLong(6), (Long) rs.getObject(7), rs.getString(8),
                        rs.getInt(9), rs.getLong(10), rs.getString(11), rs.getString(12),
                        YearMonth.from(rs.getObject(13, LocalDate.class)).toString()))
                .list();
        List<RejectedLine> rejected = jdbc.sql("select record_id, service_date, reasons from ltc_service_record"
                        + " where beneficiary_id = :b and service_month = :m and outcome = 'REJECTED'"
                        + " order by service_date, record_id")
                .param("b", beneficiaryId).param("m", month.atDay(1))
                .query((rs, n) -> new RejectedLine(rs.getString(1), rs.getObject(2, LocalDate.class),
                        List.of((String[]) rs.getArray(3).getArray())))
                .list();
        long cost = rows.stream().mapToLong(StatementRow::costFen).sum();
        long fund = rows.stream().mapToLong(StatementRow::fundPayFen).sum();
        return new BeneficiaryStatement(beneficiaryId, month.toString(),
                run.map(r -> (String) r[1]).orElse(null), run.map(r -> (String) r[2]).orElse(null), cost, fund,
                cost - fund, rows, rejected);
    }

    private static String runScope(Actor actor) {
        return LtcScope.providerOnly(actor)
                ? "exists (select 1 from ltc_settlement_line x where x.run_id = r.id and x.provider_id = :provider)"
                : "r.region_path <@ cast(:jurisdiction as ltree)";
    }

    private static RunView run(java.sql.ResultSet rs, List<ProviderTotal> providers) throws java.sql.SQLException {
        return new RunView(rs.getObject(1, UUID.class), rs.getString(2),
                YearMonth.from(rs.getObject(3, LocalDate.class)).toString(), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getObject(8, UUID.class), rs.getBoolean(9), rs.getInt(10),
                rs.getLong(11), rs.getLong(12), rs.getLong(11) - rs.getLong(12),
                new AssessmentFeeTotals(rs.getInt(13), rs.getLong(14), rs.getLong(15)), providers);
    }

    record NewRun(@Nullable String regionCode, @Nullable String month) {
    }

    /** A run; {@code stamp} is set when made from a non-official catalogue ("SAMPLE CATALOGUE — not for payment"). */
    record RunView(UUID id, String regionCode, String month, String status, String policyId, String catalogueId,
                   @Nullable String stamp, @Nullable UUID jobId, boolean completed, int beneficiaries, long totalFen,
                   long fundFen, long selfFen, AssessmentFeeTotals assessmentFees, List<ProviderTotal> providers) {
    }

    /** The month's assessment fees (第十八条): the fund pays its share to the agencies, the applicants are billed. */
    record AssessmentFeeTotals(int count, long fundFen, long applicantFen) {
    }

    record ProviderTotal(UUID designatedProviderId, String name, String agreementNo, int beneficiaries, long totalFen,
                         long fundFen, long selfFen) {
    }

    record StatementRow(String agreementNo, String providerName, UUID beneficiaryId, String category, long costFen,
                        long eligibleCostFen, @Nullable Long limitFen, @Nullable String limitKind, int ratioBp,
                        long fundPayFen, @Nullable String note, String policyId, String forMonth) {
        long selfPayFen() {
            return costFen - fundPayFen;
        }
    }

    record RejectedLine(String recordId, LocalDate serviceDate, List<String> reasons) {
    }

    record BeneficiaryStatement(UUID beneficiaryId, String month, @Nullable String runStatus, @Nullable String stamp,
                                long totalCostFen, long fundPayFen, long selfPayFen, List<StatementRow> lines,
                                List<RejectedLine> rejectedLines) {
    }
}
