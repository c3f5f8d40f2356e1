package org.yiyang.ltc.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
import org.yiyang.jobs.Rejection;
import org.yiyang.ltc.InsuredPeriod;
import org.yiyang.ltc.InsuredType;
import org.yiyang.person.InvalidIdNumber;
import org.yiyang.person.ResidentIdNumber;
import org.yiyang.person.ResidentLocator;
import org.yiyang.shared.Actor;
import org.yiyang.shared.FieldProblem;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;
import org.yiyang.shared.Role;

/**
 * LTC insured status (参保, 第四条) in {@code ltc_insured}: recorded one by one through the API or imported from a CSV
 * file as a job. Every rejected row is reported with its field and code, good rows are kept, and a rerun of the same
 * file changes nothing (a period with the same start is rewritten only when its type or end differs). Residents are
 * found by ID number within the officer's jurisdiction; one outside it is "unknown".
 */
@Service
class InsuredRegistry {
    static final String JOB_TYPE = "LTC_INSURED_IMPORT";
    static final List<String> COLUMNS = List.of("idNumber", "insuredType", "validFrom");
    private static final Logger log = LoggerFactory.getLogger(InsuredRegistry.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final ResidentLocator residents;
    private final Jobs jobs;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    InsuredRegistry(JdbcClient jdbc, ResidentLocator residents, Jobs jobs, TransactionTemplate transactions,
                    AuditTrail audit) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.jobs = jobs;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** The outcome of writing one period. */
    enum Written { NEW, CHANGED, UNCHANGED }

    /** Records one period for a person within the jurisdiction (404 outside). */
    @Transactional
    InsuredPeriod record(UUID personId, NewInsured request, Actor actor) {
        actor.require(Role.LTC_OFFICER);
        var person = residents.locate(personId, actor).orElseThrow(() -> new NotFound("person"));
        var problems = new InvalidInput.Collector();
        InsuredType type = LtcInput.enumOf("insuredType", InsuredType.class, request.insuredType(), true, problems);
        LocalDate from = LtcInput.date("validFrom", request.validFrom(), true, problems);
        LocalDate to = LtcInput.date("validTo", request.validTo(), false, problems);
        LtcInput.period("validTo", from, to, problems);
        problems.throwIfAny();
        var period = new InsuredPeriod(person.id(), type, from, to, "API");
        String overlap = write(period);
        if (overlap != null && overlap.startsWith("LTC_")) {
            throw InvalidInput.of("validFrom", overlap);
        }
        audit.record(AuditEvent.success("LTC_INSURED_RECORDED", actor, "person", person.id()));
        return period;
    }

    /** The person's insured periods (404 outside the jurisdiction). */
    @Transactional(readOnly = true)
    List<InsuredPeriod> periods(UUID personId, Actor actor) {
        actor.require(Role.LTC_OFFICER);
        residents.locate(personId, actor).orElseThrow(() -> new NotFound("person"));
        return jdbc.sql("select person_id, insured_type, valid_from, valid_to, source from ltc_insured"
                        + " where person_id = :p order by valid_from")
                .param("p", personId)
                .query((rs, n) -> new InsuredPeriod(rs.getObject(1, UUID.class), InsuredType.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5)))
                .list();
    }

    /** Imports a CSV file ({@code idNumber,insuredType,validFrom[,validTo]}) as a job; returns the job id. */
    UUID importFile(byte[] content, Actor actor) {
        actor.require(Role.LTC_OFFICER);
        List<LtcCsv.Row> rows = LtcCsv.read(content, COLUMNS);
        UUID job = jobs.start(JOB_TYPE, sha256(content), (long) rows.size(), actor);
        long[] totals = new long[4]; // written new, changed, unchanged, rejected
        try {
            for (int start = 0; start < rows.size(); start += BATCH) {
                List<LtcCsv.Row> batch = rows.subList(start, Math.min(rows.size(), start + BATCH));
                List<Rejection> rejections = new ArrayList<>();
                transactions.executeWithoutResult(s -> importBatch(batch, actor, rejections, totals));
                if (!rejections.isEmpty()) {
                    jobs.reject(job, rejections);
                }
                jobs.progress(job, start + batch.size(), totals[0] + totals[1] + totals[2], totals[3]);
            }
            jobs.succeed(job, "new " + totals[0] + ", changed " + totals[1] + ", unchanged " + totals[2]
                    + ", rejected " + totals[3]);
            audit.record(AuditEvent.success(JOB_TYPE, actor, "job", job).withDetails(Map.of("rows", rows.size(),
                    "new", totals[0], "changed", totals[1], "unchanged", totals[2], "rejected", totals[3])));
        } catch (RuntimeException e) {
            log.warn("Insured import job {} failed: {}", job, e.getClass().getSimpleName());
            jobs.fail(job, "failed: " + e.getClass().getSimpleName());
            throw e;
        }
        return job;
    }

    private void importBatch(List<LtcCsv.Row> batch, Actor actor, List<Rejection> rejections, long[] totals) {
        Map<LtcCsv.Row, ParsedRow> parsed = new LinkedHashMap<>();
        List<ResidentIdNumber> numbers = new ArrayList<>();
        for (LtcCsv.Row row : batch) {
            var problems = new InvalidInput.Collector();
            ResidentIdNumber number = null;
            try {
                number = ResidentIdNumber.parse(row.get("idNumber"));
            } catch (InvalidIdNumber e) {
                problems.add("idNumber", "ID_NUMBER_" + e.reason().name());
            }
            InsuredType type = LtcInput.enumOf("insuredType", InsuredType.class, row.get("insuredType"), true,
                    problems);
            LocalDate from = LtcInput.date("validFrom", row.get("validFrom"), true, problems);
            LocalDate to = LtcInput.date("validTo", row.get("validTo"), false, problems);
            LtcInput.period("validTo", from, to, problems);
            if (!problems.isEmpty()) {
                reject(row, problems.problems(), rejections, totals);
                continue;
            }
            numbers.add(number);
            parsed.put(row, new ParsedRow(number, type, from, to));
        }
        var found = residents.locateByIdNumbers(numbers, actor);
        for (var entry : parsed.entrySet()) {
            ParsedRow p = entry.getValue();
            var person = found.get(p.number().value());
            if (person == null) {
                reject(entry.getKey(), List.of(FieldProblem.of("idNumber", "LTC_PERSON_UNKNOWN")), rejections,
                        totals);
                continue;
            }
            String result = write(new InsuredPeriod(person.id(), p.type(), p.from(), p.to(), "IMPORT"));
            switch (result == null ? "" : result) {
                case "" -> totals[0]++;
                case "CHANGED" -> totals[1]++;
                case "UNCHANGED" -> totals[2]++;
                default -> reject(entry.getKey(), List.of(FieldProblem.of("validFrom", result)), rejections, totals);
            }
        }
    }

    /**
     * Writes a period: null when new, "CHANGED"/"UNCHANGED" when a period with the same start existed, or the code
     * of a refusal (an overlap with another period of the person).
     */
    private @Nullable String write(InsuredPeriod p) {
        boolean overlaps = jdbc.sql("""
                        select exists (select 1 from ltc_insured where person_id = :p and valid_from <> :from
                          and daterange(valid_from, valid_to, '[]') && daterange(:from, :to, '[]'))
                        """)
                .param("p", p.personId()).param("from", p.validFrom()).param("to", p.validTo())
                .query(Boolean.class).single();
        if (overlaps) {
            return "LTC_INSURED_OVERLAP";
        }
        var existing = jdbc.sql("select insured_type, valid_to from ltc_insured where person_id = :p"
                        + " and valid_from = :from for update")
                .param("p", p.personId()).param("from", p.validFrom())
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getObject(2, LocalDate.class)}).optional();
        if (existing.isEmpty()) {
            jdbc.sql("insert into ltc_insured (person_id, insured_type, valid_from, valid_to, source)"
                            + " values (:p, :type, :from, :to, :source)")
                    .param("p", p.personId()).param("type", p.insuredType().name()).param("from", p.validFrom())
                    .param("to", p.validTo()).param("source", p.source()).update();
            return null;
        }
        Object[] row = existing.get();
        if (row[0].equals(p.insuredType().name()) && java.util.Objects.equals(row[1], p.validTo())) {
            return "UNCHANGED";
        }
        jdbc.sql("update ltc_insured set insured_type = :type, valid_to = :to, source = :source, recorded_at = now()"
                        + " where person_id = :p and valid_from = :from")
                .param("p", p.personId()).param("type", p.insuredType().name()).param("from", p.validFrom())
                .param("to", p.validTo()).param("source", p.source()).update();
        return "CHANGED";
    }

    private static void reject(LtcCsv.Row row, List<FieldProblem> problems, List<Rejection> rejections,
                               long[] totals) {
        problems.forEach(p -> rejections.add(new Rejection(row.rowNo(), p.field(), p.code())));
        totals[3]++;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record ParsedRow(ResidentIdNumber number, InsuredType type, LocalDate from, @Nullable LocalDate to) {
    }

    /** The body of one period. */
    record NewInsured(@Nullable String insuredType, @Nullable String validFrom, @Nullable String validTo) {
    }
}
