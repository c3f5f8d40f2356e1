package org.yiyang.person.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.jobs.Jobs;
import org.yiyang.jobs.Rejection;
import org.yiyang.person.IdNumberCheck;
import org.yiyang.person.PersonDied;
import org.yiyang.person.ResidentIdNumber;
import org.yiyang.person.ResidentFactsChanged;
import org.yiyang.person.ResidentLocator;
import org.yiyang.region.Regions;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.Role;

/**
 * Rosters from other systems (files or API calls) that change registry facts with their dates: social-assistance
 * lists (低保, 低保边缘, 特困 with their validity), deaths (the date of death) and hukou moves; each change is
 * published ({@link PersonDied}, {@link ResidentFactsChanged}). Run as a job like the
 * resident import: every bad row is reported with its field and reason, good rows are kept, and applying a row is
 * idempotent — a rerun of the same roster gives the same registry. Residents are found by ID number within the
 * caller's jurisdiction only; a recorded death publishes {@link PersonDied}.
 */
@Service
class ResidentRosters {
    static final String JOB_TYPE = "PERSON_ROSTER";
    static final Role[] REGISTRARS = {Role.CITY_OFFICER, Role.DISTRICT_OFFICER, Role.STREET_WORKER};
    /** The tags a social-assistance roster may set. */
    static final Set<String> ROSTER_TAGS = Set.of("DIBAO", "DIBAO_EDGE", "TEKUN_SCATTERED", "TEKUN_CENTRAL");
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ResidentRosters.class);

    enum Type {
        TAGS(List.of("idNumber", "tag", "validFrom")),
        DEATHS(List.of("idNumber", "deathDate")),
        HUKOU_MOVES(List.of("idNumber", "hukouRegion", "movedOn"));

        final List<String> columns;

        Type(List<String> columns) {
            this.columns = columns;
        }
    }

    record Totals(long rows, long applied, long unchanged, long rejected) {
    }

    private final ResidentLocator locator;
    private final Regions regions;
    private final JdbcClient jdbc;
    private final Jobs jobs;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    ResidentRosters(ResidentLocator locator, Regions regions, JdbcClient jdbc, Jobs jobs,
                    TransactionTemplate transactions, ApplicationEventPublisher events, AuditTrail audit,
                    Clock clock) {
        this.locator = locator;
        this.regions = regions;
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.transactions = transactions;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    static Type type(@Nullable String raw) {
        try {
            return Type.valueOf(raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("type", "ROSTER_TYPE");
        }
    }

    /** A roster file (CSV or .xlsx with a header row); returns the job id. */
    UUID importFile(Type type, String filename, byte[] content, Actor actor) {
        actor.require(REGISTRARS);
        return run(type, ResidentFile.read(filename, content, type.columns), sha256(content), actor);
    }

    /** The same rows sent by another system as an API call. */
    UUID importRows(Type type, @Nullable List<Map<String, String>> rows, Actor actor) {
        actor.require(REGISTRARS);
        if (rows == null || rows.isEmpty()) {
            throw InvalidInput.of("rows", "REQUIRED");
        }
        var read = new ArrayList<ResidentFile.ImportRow>();
        var canonical = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> values = new TreeMap<>();
            if (rows.get(i) != null) {
                rows.get(i).forEach((k, v) -> {
                    if (k != null && v != null && !v.isBlank()) {
                        values.put(k, v.strip());
                    }
                });
            }
            canonical.append(values).append('\n');
            read.add(new ResidentFile.ImportRow(i + 1, values));
        }
        return run(type, read, sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)), actor);
    }

    private UUID run(Type type, List<ResidentFile.ImportRow> rows, String digest, Actor actor) {
        UUID job = jobs.start(JOB_TYPE, type.name() + ":" + digest, (long) rows.size(), actor);
        try {
            long applied = 0;
            long unchanged = 0;
            long rejected = 0;
            for (int start = 0; start < rows.size(); start += BATCH) {
                List<ResidentFile.ImportRow> batch = rows.subList(start, Math.min(rows.size(), start + BATCH));
                var rejections = new ArrayList<Rejection>();
                long[] counts = transactions.execute(status -> apply(type, batch, rejections, actor));
                applied += counts[0];
                unchanged += counts[1];
                rejected += counts[2];
                if (!rejections.isEmpty()) {
                    jobs.reject(job, rejections);
                }
                jobs.progress(job, start + batch.size(), applied + unchanged, rejected);
            }
            jobs.succeed(job, "applied " + applied + ", unchanged " + unchanged + ", rejected " + rejected);
            audit.record(AuditEvent.success("PERSON_ROSTER", actor, "job", job).withDetails(Map.of(
                    "type", type.name(), "rows", rows.size(), "applied", applied, "unchanged", unchanged,
                    "rejected", rejected)));
        } catch (RuntimeException e) {
            log.warn("Roster job {} failed: {}", job, e.getClass().getSimpleName());
            jobs.fail(job, "failed: " + e.getClass().getSimpleName());
            throw e;
        }
        return job;
    }

    /** Validates and applies a batch: [applied, unchanged, rejected rows]. */
    private long[] apply(Type type, List<ResidentFile.ImportRow> batch, List<Rejection> rejections, Actor actor) {
        LocalDate today = BusinessZone.today(clock);
        Map<Long, ResidentIdNumber> numbers = new LinkedHashMap<>();
        Map<Long, List<Rejection>> problems = new LinkedHashMap<>();
        for (var row : batch) {
            var list = new ArrayList<Rejection>();
            IdNumberCheck check = IdNumberCheck.of(row.get("idNumber"));
            if (row.get("idNumber") == null) {
                list.add(new Rejection(row.rowNo(), "idNumber", "REQUIRED"));
            } else if (!check.valid()) {
                list.add(new Rejection(row.rowNo(), "idNumber", "ID_NUMBER_" + check.error().name()));
            } else {
                numbers.put(row.rowNo(), ResidentIdNumber.parse(check.normalized()));
            }
            validate(type, row, today, list);
            problems.put(row.rowNo(), list);
        }
        var found = locator.locateByIdNumbers(numbers.values(), actor);
        long applied = 0;
        long unchanged = 0;
        long rejected = 0;
        for (var row : batch) {
            List<Rejection> list = problems.get(row.rowNo());
            ResidentIdNumber number = numbers.get(row.rowNo());
            ResidentLocator.LocatedResident person = number == null ? null : found.get(number.value());
            if (number != null && person == null) {
                list.add(new Rejection(row.rowNo(), "idNumber", "ROSTER_PERSON_NOT_FOUND"));
            }
            if (list.isEmpty() && person != null) {
                String outcome = applyRow(type, row, person);
                if (outcome.equals("APPLIED")) {
                    applied++;
                } else if (outcome.equals("UNCHANGED")) {
                    unchanged++;
                } else {
                    list.add(new Rejection(row.rowNo(), type == Type.DEATHS ? "deathDate" : "idNumber", outcome));
                }
            }
            if (!list.isEmpty()) {
                rejections.addAll(list);
                rejected++;
            }
        }
        return new long[] {applied, unchanged, rejected};
    }

    private void validate(Type type, ResidentFile.ImportRow row, LocalDate today, List<Rejection> list) {
        switch (type) {
            case TAGS -> {
                String tag = row.get("tag");
                if (tag == null) {
                    list.add(new Rejection(row.rowNo(), "tag", "REQUIRED"));
                } else if (!ROSTER_TAGS.contains(tag.toUpperCase(Locale.ROOT))) {
                    list.add(new Rejection(row.rowNo(), "tag", "ROSTER_TAG_NOT_ALLOWED"));
                }
                LocalDate from = date(row, "validFrom", true, list);
                LocalDate to = date(row, "validTo", false, list);
                if (from != null && to != null && to.isBefore(from)) {
                    list.add(new Rejection(row.rowNo(), "validTo", "ROSTER_PERIOD"));
                }
            }
            case DEATHS -> {
                LocalDate day = date(row, "deathDate", true, list);
                if (day != null && day.isAfter(today)) {
                    list.add(new Rejection(row.rowNo(), "deathDate", "ROSTER_DATE_IN_FUTURE"));
                }
            }
            case HUKOU_MOVES -> {
                String region = row.get("hukouRegion");
                if (region == null) {
                    list.add(new Rejection(row.rowNo(), "hukouRegion", "REQUIRED"));
                } else if (regions.find(region).isEmpty()) {
                    list.add(new Rejection(row.rowNo(), "hukouRegion", "REGION_UNKNOWN"));
                }
                LocalDate day = date(row, "movedOn", true, list);
                if (day != null && day.isAfter(today)) {
                    list.add(new Rejection(row.rowNo(), "movedOn", "ROSTER_DATE_IN_FUTURE"));
                }
            }
        }
    }

    private static @Nullable LocalDate date(ResidentFile.ImportRow row, String column, boolean required,
                                            List<Rejection> list) {
        String raw = row.get(column);
        if (raw == null) {
            if (required) {
                list.add(new Rejection(row.rowNo(), column, "REQUIRED"));
            }
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            list.add(new Rejection(row.rowNo(), column, "DATE_FORMAT"));
            return null;
        }
    }

    /** APPLIED, UNCHANGED (the registry already says so: a rerun) or a rejection code. */
    private String applyRow(Type type, ResidentFile.ImportRow row, ResidentLocator.LocatedResident person) {
        return switch (type) {
            case TAGS -> {
                LocalDate from = LocalDate.parse(row.get("validFrom"));
                LocalDate to = row.get("validTo") == null ? null : LocalDate.parse(row.get("validTo"));
                int changed = jdbc.sql("""
                        insert into person_tag (person_id, tag, valid_from, valid_to) values (:p, :tag, :from, :to)
                        on conflict (person_id, tag, valid_from) do update set valid_to = excluded.valid_to
                        where person_tag.valid_to is distinct from excluded.valid_to
                        """).param("p", person.id()).param("tag", row.get("tag").toUpperCase(Locale.ROOT))
                        .param("from", from).param("to", to).update();
                if (changed > 0) {
                    touch(person.id());
                    events.publishEvent(new ResidentFactsChanged(person.id(), "TAGS",
                            to != null && !to.isBefore(from) && to.isBefore(BusinessZone.today(clock)) ? to : from));
                }
                yield changed > 0 ? "APPLIED" : "UNCHANGED";
            }
            case DEATHS -> {
                LocalDate day = LocalDate.parse(row.get("deathDate"));
                if (person.deathDate() != null) {
                    yield person.deathDate().equals(day) ? "UNCHANGED" : "ROSTER_DEATH_DATE_CONFLICT";
                }
                int changed = jdbc.sql("update person set death_date = :d, updated_at = now(), version = version + 1"
                        + " where id = :p and death_date is null").param("d", day).param("p", person.id()).update();
                if (changed > 0) {
                    events.publishEvent(new PersonDied(person.id(), day));
                }
                yield changed > 0 ? "APPLIED" : "UNCHANGED";
            }
            case HUKOU_MOVES -> {
                int changed = jdbc.sql("update person set hukou_region = :r, updated_at = now(), version = version + 1"
                                + " where id = :p and hukou_region <> :r")
                        .param("r", row.get("hukouRegion")).param("p", person.id()).update();
                if (changed > 0) {
                    events.publishEvent(new ResidentFactsChanged(person.id(), "HUKOU",
                            LocalDate.parse(row.get("movedOn"))));
                }
                yield changed > 0 ? "APPLIED" : "UNCHANGED";
            }
        };
    }

    private void touch(UUID person) {
        jdbc.sql("update person set updated_at = now(), version = version + 1 where id = :p").param("p", person)
                .update();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
