package org.yiyang.person;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.jobs.Jobs;
import org.yiyang.jobs.Rejection;
import org.yiyang.person.internal.ImportRowReader;
import org.yiyang.person.internal.PersonStore;
import org.yiyang.person.internal.RegionLookup;
import org.yiyang.person.internal.ResidentFile;
import org.yiyang.person.internal.ResidentValidator;
import org.yiyang.person.internal.ValidResident;
import org.yiyang.region.Regions;
import org.yiyang.shared.Actor;
import org.yiyang.shared.FieldProblem;

/**
 * Bulk import of residents as a job keyed by the file's SHA-256. Every row is validated like a registration (without
 * the likely-duplicate stop); each bad row is recorded with its field and reason, good rows are written in batches,
 * and a row whose ID number is already registered is skipped, so a rerun of the same file changes nothing.
 */
@Service
public class ResidentImports {
    /** The job type, also the key of its name in the bundles. */
    public static final String JOB_TYPE = "RESIDENT_IMPORT";
    private static final Logger log = LoggerFactory.getLogger(ResidentImports.class);

    private final ResidentValidator validator;
    private final PersonStore store;
    private final ResidentBulkWriter writer;
    private final Regions regions;
    private final Jobs jobs;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final AuditTrail audit;

    ResidentImports(ResidentValidator validator, PersonStore store, ResidentBulkWriter writer, Regions regions,
                    Jobs jobs, TransactionTemplate transactions, AuditTrail audit,
                    @Value("${yiyang.person.import-batch-size:500}") int batchSize) {
        this.audit = audit;
        this.validator = validator;
        this.store = store;
        this.writer = writer;
        this.regions = regions;
        this.jobs = jobs;
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    /**
     * Imports a file (CSV or .xlsx) and returns the job id. A file that cannot be read at all is refused with
     * {@link org.yiyang.shared.InvalidInput} before any job starts.
     */
    public UUID importFile(String filename, byte[] content, Actor actor) {
        actor.require(PersonRegistry.CASE_WORKERS);
        List<ResidentFile.ImportRow> rows = ResidentFile.read(filename, content);
        UUID job = jobs.start(JOB_TYPE, sha256(content), (long) rows.size(), actor);
        try {
            Totals totals = run(job, rows, actor);
            jobs.succeed(job, "written " + totals.written + ", already registered " + totals.skipped
                    + ", rejected " + totals.rejected);
            // one audit event for the whole job, with its counts (never one per row)
            audit.record(AuditEvent.success("RESIDENT_IMPORT", actor, "job", job).withDetails(Map.of(
                    "rows", rows.size(), "written", totals.written, "alreadyRegistered", totals.skipped,
                    "rejected", totals.rejected)));
        } catch (RuntimeException e) {
            log.warn("Import job {} failed: {}", job, e.getClass().getSimpleName());
            jobs.fail(job, "failed: " + e.getClass().getSimpleName());
            throw e;
        }
        return job;
    }

    private Totals run(UUID job, List<ResidentFile.ImportRow> rows, Actor actor) {
        RegionLookup lookup = RegionLookup.remembering(regions);
        Set<String> seenInFile = new HashSet<>();
        var totals = new Totals();
        long done = 0;
        for (int start = 0; start < rows.size(); start += batchSize) {
            List<ResidentFile.ImportRow> batch = rows.subList(start, Math.min(rows.size(), start + batchSize));
            var rejections = new ArrayList<Rejection>();
            var candidates = new ArrayList<ValidResident>();
            var indexes = new ArrayList<String>();
            for (ResidentFile.ImportRow row : batch) {
                ImportRowReader.Read read = ImportRowReader.read(row);
                var outcome = validator.validate(read.request(), actor, lookup);
                var problems = new ArrayList<FieldProblem>(read.problems());
                problems.addAll(outcome.problems());
                if (!problems.isEmpty()) {
                    problems.forEach(p -> rejections.add(new Rejection(row.rowNo(), p.field(), p.code())));
                    totals.rejected++;
                    continue;
                }
                ValidResident resident = outcome.resident();
                String index = HexFormat.of().formatHex(store.idNumberIndex(resident.idNumber().value()));
                if (!seenInFile.add(index)) {
                    rejections.add(new Rejection(row.rowNo(), "idNumber", "DUPLICATE_IN_FILE"));
                    totals.rejected++;
                    continue;
                }
                candidates.add(resident);
                indexes.add(index);
            }
            totals.written += transactions.execute(status -> write(candidates, indexes, totals));
            if (!rejections.isEmpty()) {
                jobs.reject(job, rejections);
            }
            done += batch.size();
            jobs.progress(job, done, totals.written, totals.rejected);
        }
        return totals;
    }

    private long write(List<ValidResident> candidates, List<String> indexes, Totals totals) {
        Set<String> registered = new HashSet<>(store.registeredIndexes(
                indexes.stream().map(HexFormat.of()::parseHex).toList()));
        var records = new ArrayList<ResidentRecord>();
        for (int i = 0; i < candidates.size(); i++) {
            if (registered.contains(indexes.get(i))) {
                totals.skipped++;
                continue;
            }
            ValidResident r = candidates.get(i);
            records.add(new ResidentRecord(UUID.randomUUID(), r.idNumber(), r.name(), r.phone(), r.hukouRegion(),
                    r.residence().code(), r.residence().path(), r.address(), r.livingArrangement(),
                    r.householdIncomeFen(), r.tags(), false));
        }
        return writer.write(records);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Totals {
        long written;
        long skipped;
        long rejected;
    }
}
