package org.yiyang.ltc.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.jobs.Jobs;
import org.yiyang.jobs.Rejection;
import org.yiyang.ltc.BenefitGroup;
import org.yiyang.ltc.CostCategory;
import org.yiyang.ltc.Qualification;
import org.yiyang.ltc.ServiceCatalogue;
import org.yiyang.ltc.ServiceCatalogue.Item;
import org.yiyang.ltc.ServiceCatalogue.Status;
import org.yiyang.ltc.ServiceCatalogues;
import org.yiyang.shared.Actor;
import org.yiyang.shared.FieldProblem;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.Role;
import org.yiyang.shared.SystemUse;

/**
 * The official service-item catalogue imported by the LTC office from a CSV or .xlsx file as a new OFFICIAL version,
 * run as a job. Every rejected row is reported with its field and code. A catalogue must be complete, so the version
 * is created only from a file without rejected rows: one bad row and nothing is stored (the officer corrects the file
 * and imports it again). A rerun of an imported file changes nothing. Stored versions are loaded at start-up.
 */
@Service
class CatalogueImports implements SmartInitializingSingleton {
    static final String JOB_TYPE = "LTC_CATALOGUE_IMPORT";
    static final List<String> COLUMNS = List.of("code", "name", "category", "unit", "unitPriceFen", "levels");
    private static final Pattern VERSION_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,59}");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[|;/、\\s]+");
    private static final Logger log = LoggerFactory.getLogger(CatalogueImports.class);

    private final JdbcClient jdbc;
    private final ServiceCatalogues catalogues;
    private final Jobs jobs;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    CatalogueImports(JdbcClient jdbc, ServiceCatalogues catalogues, Jobs jobs, TransactionTemplate transactions,
                     AuditTrail audit) {
        this.jdbc = jdbc;
        this.catalogues = catalogues;
        this.jobs = jobs;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** The version's own data, given with the file. */
    record NewVersion(@Nullable String versionCode, @Nullable String effectiveFrom, @Nullable String docNo,
                      @Nullable String issuer) {
    }

    /** What an import did: the job, and the version created (null when rows were rejected or it existed). */
    record Outcome(UUID jobId, @Nullable String createdVersion, long rows, long rejected) {
    }

    /**
     * Imports a catalogue file ({@code code,name,category,unit,unitPriceFen,levels[,subCategory,consumable,groups,
     * qualification]}) as a job. The version's data is checked first (422 listing every problem, no job).
     */
    Outcome importFile(byte[] content, NewVersion version, Actor actor) {
        actor.require(Role.LTC_OFFICER);
        var problems = new InvalidInput.Collector();
        String code = version.versionCode() == null ? null : version.versionCode().strip();
        if (code == null || code.isEmpty()) {
            problems.add("versionCode", "REQUIRED");
        } else if (!VERSION_CODE.matcher(code).matches()) {
            problems.add("versionCode", "LTC_VERSION_CODE_FORMAT");
        }
        LocalDate from = LtcInput.date("effectiveFrom", version.effectiveFrom(), true, problems);
        String docNo = text("docNo", version.docNo(), 200, problems);
        String issuer = text("issuer", version.issuer(), 200, problems);
        String sha = sha256(content);
        boolean rerun = false;
        if (code != null && problems.problems().stream().noneMatch(p -> p.field().equals("versionCode"))) {
            // a rerun: the same file under the same code and effective date
            var stored = jdbc.sql("select file_sha256 || ':' || effective_from from ltc_catalogue_version"
                            + " where id = :id").param("id", code)
                    .query(String.class).optional();
            rerun = stored.isPresent() && stored.get().equals(sha + ":" + from);
            if ((stored.isPresent() && !rerun) || (stored.isEmpty() && catalogues.byId(code).isPresent())) {
                problems.add("versionCode", "LTC_CATALOGUE_VERSION_EXISTS");
            }
        }
        if (from != null && !rerun && catalogues.versions().stream()
                .anyMatch(c -> c.isOfficial() && c.effectiveFrom().equals(from))) {
            problems.add("effectiveFrom", "LTC_CATALOGUE_SAME_START");
        }
        problems.throwIfAny();
        List<LtcCsv.Row> rows = LtcCsv.readCsvOrXlsx(content, COLUMNS);
        if (rows.isEmpty()) {
            throw InvalidInput.of("file", "IMPORT_FILE_EMPTY");
        }
        UUID job = jobs.start(JOB_TYPE, code + ":" + sha, (long) rows.size(), actor);
        try {
            List<Rejection> rejections = new ArrayList<>();
            List<Item> items = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            long rejected = 0;
            for (LtcCsv.Row row : rows) {
                var rowProblems = new InvalidInput.Collector();
                Item item = item(row, rowProblems);
                if (item != null && !codes.add(item.code())) {
                    rowProblems.add("code", "LTC_ITEM_CODE_REPEATED");
                }
                if (!rowProblems.isEmpty()) {
                    rowProblems.problems().forEach(p -> rejections.add(new Rejection(row.rowNo(), p.field(),
                            p.code())));
                    rejected++;
                } else {
                    items.add(item);
                }
            }
            if (!rejections.isEmpty()) {
                jobs.reject(job, rejections);
            }
            jobs.progress(job, rows.size(), rows.size() - rejected, rejected);
            String created = null;
            String message;
            if (rejected > 0) {
                message = "rejected " + rejected + " of " + rows.size() + " rows: catalogue version " + code
                        + " not created (a catalogue is created only from a file without rejected rows)";
            } else if (rerun) {
                message = "catalogue version " + code + " unchanged (already imported from this file)";
            } else {
                var catalogue = new ServiceCatalogue(code, docNo, issuer, from, null, Status.OFFICIAL, null, items);
                transactions.executeWithoutResult(s -> store(catalogue, sha, job, actor));
                catalogues.add(catalogue);
                created = code;
                message = "catalogue version " + code + " created with " + items.size() + " items";
            }
            if (rejected > 0) {
                jobs.fail(job, message);
            } else {
                jobs.succeed(job, message);
            }
            audit.record(AuditEvent.success(JOB_TYPE, actor, "job", job).withDetails(Map.of("version", code,
                    "rows", rows.size(), "accepted", rows.size() - rejected, "rejected", rejected,
                    "created", created != null)));
            return new Outcome(job, created, rows.size(), rejected);
        } catch (RuntimeException e) {
            log.warn("Catalogue import job {} failed: {}", job, e.getClass().getSimpleName());
            jobs.fail(job, "failed: " + e.getClass().getSimpleName());
            throw e;
        }
    }

    /** The versions in use, shipped and imported, oldest first. */
    List<ServiceCatalogue> versions(Actor actor) {
        actor.require(Role.LTC_OFFICER);
        return catalogues.versions().stream()
                .sorted(java.util.Comparator.comparing(ServiceCatalogue::effectiveFrom)).toList();
    }

    private @Nullable Item item(LtcCsv.Row row, InvalidInput.Collector problems) {
        String code = text("code", row.get("code"), 40, problems);
        String name = text("name", row.get("name"), 200, problems);
        String unit = text("unit", row.get("unit"), 20, problems);
        String sub = row.get("subCategory");
        if (sub != null && sub.length() > 100) {
            problems.add("subCategory", "LTC_TEXT_TOO_LONG");
        }
        CostCategory category = LtcInput.enumOf("category", CostCategory.class, upper(row.get("category")), true,
                problems);
        if (category == CostCategory.MEDICAL_CONSUMABLES) {
            // consumables are MEDICAL_CARE items with consumable = true
            problems.add("category", "LTC_UNKNOWN_VALUE");
        }
        Long price = null;
        String rawPrice = row.get("unitPriceFen");
        if (rawPrice == null) {
            problems.add("unitPriceFen", "REQUIRED");
        } else {
            try {
                price = Long.parseLong(rawPrice);
                if (price < 0) {
                    problems.add("unitPriceFen", "LTC_PRICE_FORMAT");
                }
            } catch (NumberFormatException e) {
                problems.add("unitPriceFen", "LTC_PRICE_FORMAT");
            }
        }
        Set<Integer> levels = new LinkedHashSet<>();
        String rawLevels = row.get("levels");
        if (rawLevels == null) {
            problems.add("levels", "REQUIRED");
        } else {
            for (String l : LIST_SEPARATOR.split(rawLevels)) {
                if (l.equals("1") || l.equals("2") || l.equals("3")) {
                    levels.add(Integer.parseInt(l));
                } else {
                    problems.add("levels", "LTC_LEVELS");
                    break;
                }
            }
        }
        Set<BenefitGroup> groups = new LinkedHashSet<>();
        String rawGroups = row.get("groups");
        if (rawGroups == null) {
            groups.addAll(Arrays.asList(BenefitGroup.values()));
        } else {
            for (String g : LIST_SEPARATOR.split(rawGroups)) {
                BenefitGroup group = LtcInput.enumOf("groups", BenefitGroup.class, upper(g), true, problems);
                if (group == null) {
                    break;
                }
                groups.add(group);
            }
        }
        Boolean consumable = bool(row.get("consumable"), problems);
        Qualification qualification = LtcInput.enumOf("qualification", Qualification.class,
                upper(row.get("qualification")), false, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new Item(code, name, category, sub, unit, price, consumable, levels, groups, Status.OFFICIAL,
                qualification);
    }

    private static @Nullable Boolean bool(@Nullable String raw, InvalidInput.Collector problems) {
        if (raw == null) {
            return false;
        }
        switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "是" -> {
                return true;
            }
            case "false", "no", "n", "0", "否" -> {
                return false;
            }
            default -> {
                problems.add("consumable", "LTC_UNKNOWN_VALUE");
                return null;
            }
        }
    }

    private static @Nullable String upper(@Nullable String raw) {
        return raw == null ? null : raw.strip().toUpperCase(Locale.ROOT);
    }

    private static @Nullable String text(String field, @Nullable String raw, int max,
                                         InvalidInput.Collector problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(field, "REQUIRED");
            return null;
        }
        if (raw.strip().length() > max) {
            problems.add(field, "LTC_TEXT_TOO_LONG");
            return null;
        }
        return raw.strip();
    }

    private void store(ServiceCatalogue c, String sha, UUID job, Actor actor) {
        jdbc.sql("""
                        insert into ltc_catalogue_version (id, doc_no, issuer, effective_from, file_sha256, job_id,
                          imported_by) values (:id, :doc, :issuer, :from, :sha, :job, :by)""")
                .param("id", c.id()).param("doc", c.docNo()).param("issuer", c.issuer())
                .param("from", c.effectiveFrom()).param("sha", sha).param("job", job).param("by", actor.userId())
                .update();
        int rowNo = 0;
        for (Item i : c.items()) {
            jdbc.sql("""
                            insert into ltc_catalogue_item (version_id, code, name, category, sub_category, unit,
                              unit_price_fen, consumable, levels, benefit_groups, qualification, row_no)
                            values (:v, :code, :name, :cat, :sub, :unit, :price, :cons, :levels, :groups, :q, :row)""")
                    .param("v", c.id()).param("code", i.code()).param("name", i.name())
                    .param("cat", i.category().name()).param("sub", i.subCategory()).param("unit", i.unit())
                    .param("price", i.unitPriceFen()).param("cons", i.consumable())
                    .param("levels", i.eligibleLevels().stream().sorted().map(String::valueOf)
                            .collect(Collectors.joining("|")))
                    .param("groups", i.eligibleGroups().stream().sorted().map(Enum::name)
                            .collect(Collectors.joining("|")))
                    .param("q", i.requiredQualification() == null ? null : i.requiredQualification().name())
                    .param("row", ++rowNo).update();
        }
    }

    /** Loads the stored versions into the catalogues once the database is migrated. */
    @Override
    @SystemUse("start-up: loads the catalogue versions the LTC office imported before")
    public void afterSingletonsInstantiated() {
        var versions = jdbc.sql("select id, doc_no, issuer, effective_from from ltc_catalogue_version"
                        + " order by effective_from")
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)}).list();
        for (String[] v : versions) {
            List<Item> items = jdbc.sql("""
                            select code, name, category, sub_category, unit, unit_price_fen, consumable, levels,
                              benefit_groups, qualification from ltc_catalogue_item where version_id = :v
                            order by row_no""")
                    .param("v", v[0])
                    .query((rs, n) -> new Item(rs.getString(1), rs.getString(2),
                            CostCategory.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getLong(6),
                            rs.getBoolean(7), Arrays.stream(rs.getString(8).split("\\|")).map(Integer::valueOf)
                                    .collect(Collectors.toSet()),
                            Arrays.stream(rs.getString(9).split("\\|")).map(BenefitGroup::valueOf)
                                    .collect(Collectors.toSet()), Status.OFFICIAL,
                            rs.getString(10) == null ? null : Qualification.valueOf(rs.getString(10))))
                    .list();
            if (catalogues.byId(v[0]).isEmpty()) {
                catalogues.add(new ServiceCatalogue(v[0], v[1], v[2], LocalDate.parse(v[3]), null, Status.OFFICIAL,
                        null, items));
            }
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
