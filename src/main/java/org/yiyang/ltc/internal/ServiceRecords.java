package org.yiyang.ltc.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.ltc.Beneficiary;
import org.yiyang.ltc.CareForm;
import org.yiyang.ltc.CarePlan;
import org.yiyang.ltc.CostCategory;
import org.yiyang.ltc.EndReason;
import org.yiyang.ltc.LtcPolicies;
import org.yiyang.ltc.Qualification;
import org.yiyang.ltc.ServiceCatalogue;
import org.yiyang.ltc.ServiceCatalogues;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;
import org.yiyang.shared.Role;

/**
 * Providers' service records: batches of up to 1,000 lines, idempotent by (provider, the provider's own record id).
 * Lines that cannot be read make the whole batch 422 (nothing changed); every readable line is stored with its
 * outcome and reason codes. A rejected or changed line is corrected by sending it again under the same record id;
 * a line of a month whose settlement is locked is never changed (MONTH_LOCKED).
 */
@Service
class ServiceRecords {
    static final int MAX_BATCH = 1000;
    /** Lines other than the versions of the record being written (its original and its adjustments). */
    private static final String OTHER_RECORDS = "not (designated_provider_id = :dp and record_id = :rec)";

    private final JdbcClient jdbc;
    private final BeneficiaryRegistry beneficiaries;
    private final CarePlans plans;
    private final ServiceCatalogues catalogues;
    private final LtcPolicies policies;
    private final AuditTrail audit;

    ServiceRecords(JdbcClient jdbc, BeneficiaryRegistry beneficiaries, CarePlans plans, ServiceCatalogues catalogues,
                   LtcPolicies policies, AuditTrail audit) {
        this.jdbc = jdbc;
        this.beneficiaries = beneficiaries;
        this.plans = plans;
        this.catalogues = catalogues;
        this.policies = policies;
        this.audit = audit;
    }

    @Transactional
    BatchResult submit(Batch batch, Actor actor) {
        actor.require(Role.PROVIDER_STAFF);
        var problems = new InvalidInput.Collector();
        if (batch.designatedProviderId() == null) {
            problems.add("designatedProviderId", "REQUIRED");
        }
        List<NewRecord> records = batch.records() == null ? List.of() : batch.records();
        if (records.isEmpty()) {
            problems.add("records", "REQUIRED");
        } else if (records.size() > MAX_BATCH) {
            problems.add("records", "LTC_BATCH_TOO_LARGE", MAX_BATCH);
        }
        List<ReadLine> lines = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < Math.min(records.size(), MAX_BATCH); i++) {
            ReadLine line = read(records.get(i), "records[" + i + "]", problems);
            if (line != null && !ids.add(line.recordId())) {
                problems.add("records[" + i + "].recordId", "LTC_RECORD_REPEATED_IN_BATCH");
            }
            lines.add(line);
        }
        problems.throwIfAny();
        Provider provider = provider(batch.designatedProviderId(), actor);
        List<LineResult> results = new ArrayList<>();
        for (ReadLine line : lines) {
            results.add(store(line, provider, actor));
        }
        long accepted = results.stream().filter(r -> r.outcome().equals("ACCEPTED")).count();
        audit.record(AuditEvent.success("LTC_SERVICE_RECORDS_SUBMITTED", actor, "ltcDesignatedProvider",
                provider.id()).withDetails(Map.of("lines", results.size(), "accepted", accepted)));
        return new BatchResult(results.size(), accepted, results.size() - accepted, results);
    }

    /**
     * Withdraws lines by the provider's record ids (a cancellation). A line of an open month becomes CANCELLED itself;
     * a line of a frozen month is never changed: a cancellation version is stored for the first open month after it,
     * whose settlement settles the frozen month again without it and records the difference. Each record is answered
     * with CANCELLED, or REJECTED with RECORD_UNKNOWN (no such record of this provider) or NOTHING_TO_CANCEL (no
     * accepted version); the same cancellation again changes nothing.
     */
    @Transactional
    BatchResult cancel(Cancellation request, Actor actor) {
        actor.require(Role.PROVIDER_STAFF);
        var problems = new InvalidInput.Collector();
        if (request.designatedProviderId() == null) {
            problems.add("designatedProviderId", "REQUIRED");
        }
        List<String> ids = request.recordIds() == null ? List.of() : request.recordIds();
        if (ids.isEmpty()) {
            problems.add("recordIds", "REQUIRED");
        } else if (ids.size() > MAX_BATCH) {
            problems.add("recordIds", "LTC_BATCH_TOO_LARGE", MAX_BATCH);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < Math.min(ids.size(), MAX_BATCH); i++) {
            String id = ids.get(i);
            if (id == null || id.isBlank()) {
                problems.add("recordIds[" + i + "]", "REQUIRED");
            } else if (!seen.add(id)) {
                problems.add("recordIds[" + i + "]", "LTC_RECORD_REPEATED_IN_BATCH");
            }
        }
        problems.throwIfAny();
        Provider provider = provider(request.designatedProviderId(), actor);
        List<LineResult> results = new ArrayList<>();
        for (String recordId : ids) {
            results.add(cancelOne(provider, recordId, actor));
        }
        long cancelled = results.stream().filter(r -> r.outcome().equals("CANCELLED")).count();
        audit.record(AuditEvent.success("LTC_SERVICE_RECORDS_CANCELLED", actor, "ltcDesignatedProvider",
                provider.id()).withDetails(Map.of("lines", results.size(), "cancelled", cancelled)));
        return new BatchResult(results.size(), cancelled, results.size() - cancelled, results);
    }

    private LineResult cancelOne(Provider provider, String recordId, Actor actor) {
        var original = existing(provider.id(), recordId, null).orElse(null);
        if (original == null) {
            return new LineResult(recordId, "REJECTED", List.of("RECORD_UNKNOWN"), false);
        }
        if (!locked(original.residencePath(), original.month())) {
            if (original.outcome().equals("CANCELLED")) {
                return new LineResult(recordId, "CANCELLED", List.of(), false);
            }
            if (!original.outcome().equals("ACCEPTED")) {
                return new LineResult(recordId, "REJECTED", List.of("NOTHING_TO_CANCEL"), false);
            }
            markCancelled(original.id(), actor);
            return new LineResult(recordId, "CANCELLED", List.of(), true);
        }
        LocalDate settleMonth = firstOpenMonthAfter(original.residencePath(), original.month());
        var version = existing(provider.id(), recordId, settleMonth).orElse(null);
        if (version != null && version.outcome().equals("CANCELLED")) {
            return new LineResult(recordId, "CANCELLED", List.of(), false);
        }
        // what the frozen month counts now: the latest version settled before, unless that is a cancellation
        String counted = jdbc.sql("select outcome from ltc_service_record where designated_provider_id = :p"
                        + " and record_id = :r and outcome <> 'REJECTED' and settle_month < :settle"
                        + " order by settle_month desc limit 1")
                .param("p", provider.id()).param("r", recordId).param("settle", settleMonth)
                .query(String.class).optional().orElse("NONE");
        boolean pendingCorrection = version != null && version.outcome().equals("ACCEPTED");
        if (!counted.equals("ACCEPTED") && !pendingCorrection) {
            return new LineResult(recordId, "REJECTED", List.of("NOTHING_TO_CANCEL"), false);
        }
        if (version != null) {
            markCancelled(version.id(), actor);
        } else {
            jdbc.sql("""
                            insert into ltc_service_record (id, designated_provider_id, provider_id, record_id,
                              beneficiary_id, residence_path, service_date, service_month, settle_month, caregiver_id,
                              qualification, check_in, check_out, check_in_latitude, check_in_longitude, items,
                              bed_fee_fen, life_care_fen, medical_fen, consumables_fen, device_fen, catalogue_id,
                              content_hash, outcome, reasons, submitted_by)
                            select :id, designated_provider_id, provider_id, record_id, beneficiary_id, residence_path,
                              service_date, service_month, :settle, caregiver_id, qualification, check_in, check_out,
                              check_in_latitude, check_in_longitude, items, bed_fee_fen, life_care_fen, medical_fen,
                              consumables_fen, device_fen, catalogue_id, content_hash, 'CANCELLED', '{}', :by
                            from ltc_service_record where id = :original
                            """)
                    .param("id", UUID.randomUUID()).param("settle", settleMonth).param("by", actor.userId())
                    .param("original", original.id()).update();
        }
        return new LineResult(recordId, "CANCELLED", List.of(), true);
    }

    private void markCancelled(UUID id, Actor actor) {
        jdbc.sql("update ltc_service_record set outcome = 'CANCELLED', reasons = '{}', submitted_by = :by,"
                        + " submitted_at = now(), revision = revision + 1 where id = :id")
                .param("by", actor.userId()).param("id", id).update();
    }

    private Provider provider(@Nullable UUID designatedProviderId, Actor actor) {
        return jdbc.sql("select id, provider_id, region_path::text, valid_from, valid_to"
                        + " from ltc_designated_provider where id = :id and provider_id = :provider")
                .param("id", designatedProviderId).param("provider", LtcScope.provider(actor))
                .query((rs, n) -> new Provider(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
                .optional().orElseThrow(() -> new NotFound("ltcDesignatedProvider"));
    }

    /**
     * The caller's provider's designations (for the page's form); an LTC officer has none of its own and sees none.
     */
    @Transactional(readOnly = true)
    List<Designation> designations(Actor actor) {
        return jdbc.sql("select id, name, agreement_no from ltc_designated_provider where provider_id = :provider"
                        + " and kind = 'CARE' order by name, agreement_no")
                .param("provider", LtcScope.provider(actor))
                .query((rs, n) -> new Designation(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * A stored line of the caller's provider, as the form shows it to be corrected and sent again: its latest version
     * (check-in position left out: it is to be entered again). Empty outside the provider's own lines.
     */
    @Transactional(readOnly = true)
    Optional<StoredLine> stored(String recordId, Actor actor) {
        return jdbc.sql("""
                        select designated_provider_id, record_id, beneficiary_id, service_date, caregiver_id,
                          qualification, check_in, check_out, items, bed_fee_fen, settle_month > service_month
                        from ltc_service_record where record_id = :r and provider_id = :provider
                        order by settle_month desc, designated_provider_id limit 1
                        """)
                .param("r", recordId).param("provider", LtcScope.provider(actor))
                .query((rs, n) -> new StoredLine(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getObject(4, LocalDate.class), rs.getString(5),
                        rs.getString(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), rs.getString(9),
                        rs.getLong(10), rs.getBoolean(11)))
                .optional();
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Lines within the scope for a month, optionally only those with an outcome; at most 1,000. */
    @Transactional(readOnly = true)
    List<LineView> list(YearMonth month, @Nullable String outcome, Actor actor) {
        return jdbc.sql("select record_id, beneficiary_id, service_date, outcome, reasons, life_care_fen + bed_fee_fen"
                        + " + medical_fen + device_fen as cost, settle_month from ltc_service_record"
                        + " where service_month = :m"
                        + " and (cast(:o as varchar) is null or outcome = :o) and " + LtcScope.condition(actor, "")
                        + " order by service_date, record_id, settle_month limit 1000")
                .param("m", month.atDay(1)).param("o", outcome).param("jurisdiction", actor.jurisdictionPath())
                .param("provider", LtcScope.provider(actor))
                .query((rs, n) -> new LineView(rs.getString(1), rs.getObject(2, UUID.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4), reasons(rs.getArray(5)), rs.getLong(6),
                        YearMonth.from(rs.getObject(7, LocalDate.class)).toString()))
                .list();
    }

    private LineResult store(ReadLine line, Provider provider, Actor actor) {
        Beneficiary b = jdbc.sql("select " + BeneficiaryRegistry.COLUMNS + " from ltc_beneficiary where id = :id"
                        + " and provider_id = :provider")
                .param("id", line.beneficiaryId()).param("provider", provider.providerId())
                .query((rs, n) -> BeneficiaryRegistry.map(rs, beneficiaries.stays(line.beneficiaryId())))
                .optional().orElse(null);
        String path = b == null ? provider.regionPath() : beneficiaryPath(b.id());
        LocalDate month = line.date().withDayOfMonth(1);
        var original = existing(provider.id(), line.recordId(), null);
        boolean frozen = locked(path, month)
                || original.isPresent() && locked(original.get().residencePath(), original.get().month());
        LocalDate settleMonth = month;
        if (frozen) {
            // a frozen month is never changed: a correction is an adjustment settled in the first open month after it
            boolean sameMonth = original.isEmpty() || original.get().month().equals(month);
            if (!line.adjustment() || b == null || !sameMonth) {
                return new LineResult(line.recordId(), "REJECTED", List.of("MONTH_LOCKED"), false);
            }
            settleMonth = firstOpenMonthAfter(path, month);
        }
        var existing = frozen ? existing(provider.id(), line.recordId(), settleMonth) : original;
        if (existing.isPresent() && existing.get().hash().equals(line.hash())
                && existing.get().outcome().equals("ACCEPTED")) {
            // the same accepted line again: idempotent, nothing changes (a rejected one is validated afresh)
            return new LineResult(line.recordId(), existing.get().outcome(), existing.get().reasons(), false);
        }
        Priced priced = new Priced();
        List<String> reasons = b == null ? List.of("BENEFICIARY_UNKNOWN")
                : validate(line, b, provider, priced);
        String outcome = reasons.isEmpty() ? "ACCEPTED" : "REJECTED";
        UUID id = existing.map(Existing::id).orElse(UUID.randomUUID());
        var sql = existing.isPresent() ? """
                update ltc_service_record set beneficiary_id = :b, residence_path = cast(:path as ltree),
                  service_date = :d, service_month = :m, settle_month = :settle, caregiver_id = :cg, qualification = :q, check_in = :in,
                  check_out = :out, check_in_latitude = :lat, check_in_longitude = :lon, items = :items,
                  bed_fee_fen = :bed, life_care_fen = :life, medical_fen = :med, consumables_fen = :cons,
                  device_fen = :dev, catalogue_id = :cat, content_hash = :hash, outcome = :outcome,
                  reasons = cast(:reasons as varchar[]), submitted_by = :by, submitted_at = now(),
                  revision = revision + 1
                where id = :id
                """ : """
                insert into ltc_service_record (id, designated_provider_id, provider_id, record_id, beneficiary_id,
                  residence_path, service_date, service_month, settle_month, caregiver_id, qualification, check_in,
                  check_out,
                  check_in_latitude, check_in_longitude, items, bed_fee_fen, life_care_fen, medical_fen,
                  consumables_fen, device_fen, catalogue_id, content_hash, outcome, reasons, submitted_by)
                values (:id, :p, :provider, :r, :b, cast(:path as ltree), :d, :m, :settle, :cg, :q, :in, :out, :lat, :lon,
                  :items, :bed, :life, :med, :cons, :dev, :cat, :hash, :outcome, cast(:reasons as varchar[]), :by)
                """;
        jdbc.sql(sql).param("id", id).param("p", provider.id()).param("provider", provider.providerId())
                .param("r", line.recordId()).param("b", b == null ? null : b.id()).param("path", path)
                .param("d", line.date()).param("m", month).param("settle", settleMonth)
                .param("cg", line.caregiverId())
                .param("q", line.qualification().name())
                .param("in", line.checkIn() == null ? null : Timestamp.from(line.checkIn()))
                .param("out", line.checkOut() == null ? null : Timestamp.from(line.checkOut()))
                .param("lat", line.latitude()).param("lon", line.longitude()).param("items", line.itemsText())
                .param("bed", line.bedFeeFen()).param("life", priced.life).param("med", priced.medical)
                .param("cons", priced.consumables).param("dev", priced.device).param("cat", priced.catalogueId)
                .param("hash", line.hash()).param("outcome", outcome)
                .param("reasons", "{" + String.join(",", reasons) + "}").param("by", actor.userId()).update();
        return new LineResult(line.recordId(), outcome, reasons, true);
    }

    /** Every reason the line cannot be paid, in a fixed order; empty when accepted. Prices the items as it goes. */
    private List<String> validate(ReadLine line, Beneficiary b, Provider provider, Priced priced) {
        LocalDate day = line.date();
        List<String> reasons = new ArrayList<>();
        boolean suspended = jdbc.sql("select exists (select 1 from ltc_designation_suspension"
                        + " where designated_provider_id = :p and from_day <= :d and (to_day is null or to_day >= :d))")
                .param("p", provider.id()).param("d", day).query(Boolean.class).single();
        if (!b.designatedProviderId().equals(provider.id()) || day.isBefore(provider.from())
                || provider.to() != null && day.isAfter(provider.to()) || suspended) {
            reasons.add("PROVIDER_NOT_DESIGNATED");
        }
        boolean dead = b.endReason() == EndReason.DEATH && day.isAfter(b.endedOn());
        if (dead) {
            reasons.add("AFTER_DEATH");
        }
        boolean insured = jdbc.sql("select exists (select 1 from ltc_insured where person_id = :p"
                        + " and valid_from <= :d and (valid_to is null or valid_to >= :d))")
                .param("p", b.personId()).param("d", day).query(Boolean.class).single();
        boolean readmitted = b.endReason() == EndReason.HOSPITAL_ADMISSION && day.isAfter(b.endedOn());
        if (readmitted) {
            // continuing care ended by a new hospital admission (第十九条): not resumed after discharge
            reasons.add("CONTINUING_CARE_ENDED");
        }
        boolean ended = !dead && !readmitted && b.endedOn() != null && day.isAfter(b.endedOn());
        if (!insured || day.isBefore(b.validFrom()) || ended) {
            reasons.add("NOT_ELIGIBLE_ON_DATE");
        }
        if (day.isAfter(b.validTo())) {
            // continuing care: the benefit period of one to three months is over; otherwise the result has expired
            reasons.add(b.group() == org.yiyang.ltc.BenefitGroup.CONTINUING ? "BENEFIT_PERIOD_OVER"
                    : "ASSESSMENT_EXPIRED");
        }
        if (b.hospitalStays().stream().anyMatch(s -> s.covers(day))) {
            reasons.add("DURING_HOSPITAL_STAY");
        }
        ServiceCatalogue catalogue = catalogues.onDay(day).orElse(null);
        priced.catalogueId = catalogue == null ? null : catalogue.id();
        Optional<CarePlan> plan = plans.onDay(plans.load(b.id()), day);
        var policy = policies.forMonth(YearMonth.from(day)).orElse(null);
        Set<String> itemReasons = new LinkedHashSet<>();
        for (NewItem item : line.items()) {
            var known = catalogue == null ? null : catalogue.item(item.code()).orElse(null);
            if (known == null || !CatalogueRules.servesBeneficiary(known, b, policy)) {
                itemReasons.add("ITEM_NOT_IN_CATALOGUE");
                continue;
            }
            if (plan.isEmpty() || !plan.get().includes(item.code())) {
                itemReasons.add("ITEM_NOT_IN_PLAN");
            }
            if (!CatalogueRules.qualified(known, line.qualification())) {
                itemReasons.add("CAREGIVER_NOT_QUALIFIED");
            }
            long amount = Math.multiplyExact(known.unitPriceFen(), (long) item.quantity());
            switch (known.category()) {
                case LIFE_CARE -> priced.life += amount;
                case MEDICAL_CARE, MEDICAL_CONSUMABLES -> {
                    priced.medical += amount;
                    if (known.consumable() || known.category() == CostCategory.MEDICAL_CONSUMABLES) {
                        priced.consumables += amount;
                    }
                }
                case DEVICE -> priced.device += amount;
            }
        }
        reasons.addAll(itemReasons);
        // 第二十七条 of the community-care rules: a service already paid from the service account is not paid again
        if (paidByServiceAccount(b.personId(), day, line.items())) {
            reasons.add("PAID_BY_SERVICE_ACCOUNT");
        }
        if (b.careForm() == CareForm.HOME) {
            homeVisitChecks(line, b, provider.id(), policy, reasons);
        } else if (line.checkIn() == null && duplicateDay(b.id(), day, provider.id(), line.recordId())) {
            reasons.add("DUPLICATE");
        }
        if (line.bedFeeFen() > 0 && b.careForm() != CareForm.INSTITUTION) {
            reasons.add("BED_FEE_INSTITUTION_ONLY");
        }
        return reasons;
    }

    /** Whether an item of the line was charged to the person's service account that day (its published view). */
    private boolean paidByServiceAccount(UUID person, LocalDate day, List<NewItem> items) {
        List<String> codes = items.stream().map(NewItem::code).filter(c -> c != null).toList();
        return !codes.isEmpty() && jdbc.sql("select exists (select 1 from account_charged_service"
                        + " where person_id = :p and service_date = :d and item_code in (:codes))")
                .param("p", person).param("d", day).param("codes", codes).query(Boolean.class).single();
    }

    private void homeVisitChecks(ReadLine line, Beneficiary b, UUID provider,
                                 org.yiyang.ltc.@Nullable LtcPolicy policy, List<String> reasons) {
        if (line.checkIn() == null || line.checkOut() == null) {
            reasons.add("CHECKIN_MISSING");
            return;
        }
        if (!LocalDate.ofInstant(line.checkIn(), BusinessZone.ZONE).equals(line.date())) {
            // business dates are Asia/Shanghai: the visit must begin on the day it is recorded for
            reasons.add("CHECKIN_NOT_ON_DATE");
        }
        long max = policy == null ? 300 : policy.localDefault("ltc.checkIn.maxDistanceMetres")
                .map(d -> Long.parseLong(d.value())).orElse(300L);
        Boolean far = line.latitude() == null ? null : jdbc.sql("""
                        select earth_distance(ll_to_earth(home_latitude, home_longitude), ll_to_earth(:lat, :lon)) > :max
                        from ltc_beneficiary where id = :b and home_latitude is not null
                        """)
                .param("lat", line.latitude()).param("lon", line.longitude()).param("max", (double) max)
                .param("b", b.id()).query(Boolean.class).optional().orElse(false);
        if (line.latitude() == null || Boolean.TRUE.equals(far)) {
            reasons.add("CHECKIN_TOO_FAR");
        }
        boolean duplicate = jdbc.sql("select exists (select 1 from ltc_service_record where beneficiary_id = :b"
                        + " and check_in = :in and outcome = 'ACCEPTED' and " + OTHER_RECORDS + ")")
                .param("b", b.id()).param("in", Timestamp.from(line.checkIn())).param("dp", provider)
                .param("rec", line.recordId())
                .query(Boolean.class).single();
        if (duplicate) {
            reasons.add("DUPLICATE");
            return;
        }
        if (line.caregiverId() != null) {
            boolean overlap = jdbc.sql("""
                            select exists (select 1 from ltc_service_record where caregiver_id = :cg
                              and outcome = 'ACCEPTED' and check_in is not null
                              and %s
                              and tstzrange(check_in, check_out) && tstzrange(:in, :out))
                            """.formatted(OTHER_RECORDS))
                    .param("cg", line.caregiverId()).param("dp", provider).param("rec", line.recordId())
                    .param("in", Timestamp.from(line.checkIn())).param("out", Timestamp.from(line.checkOut()))
                    .query(Boolean.class).single();
            if (overlap) {
                reasons.add("OVERLAPPING_VISIT");
            }
        }
    }

    private boolean duplicateDay(UUID beneficiary, LocalDate day, UUID provider, String recordId) {
        return jdbc.sql("select exists (select 1 from ltc_service_record where beneficiary_id = :b"
                        + " and service_date = :d and outcome = 'ACCEPTED' and check_in is null and "
                        + OTHER_RECORDS + ")")
                .param("b", beneficiary).param("d", day).param("dp", provider).param("rec", recordId)
                .query(Boolean.class).single();
    }

    /**
     * The stored original of a record ({@code settleMonth} null) or its adjustment settled in a month, locked for
     * update.
     */
    private Optional<Existing> existing(UUID provider, String recordId, @Nullable LocalDate settleMonth) {
        return jdbc.sql("select id, content_hash, outcome, reasons, service_month, residence_path::text"
                        + " from ltc_service_record where designated_provider_id = :p and record_id = :r and "
                        + (settleMonth == null ? "settle_month = service_month" : "settle_month = :settle")
                        + " for update")
                .param("p", provider).param("r", recordId).param("settle", settleMonth)
                .query((rs, n) -> new Existing(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        reasons(rs.getArray(4)), rs.getObject(5, LocalDate.class), rs.getString(6)))
                .optional();
    }

    private LocalDate firstOpenMonthAfter(String path, LocalDate month) {
        LocalDate next = month.plusMonths(1);
        while (locked(path, next)) {
            next = next.plusMonths(1);
        }
        return next;
    }

    private String beneficiaryPath(UUID id) {
        return jdbc.sql("select residence_path::text from ltc_beneficiary where id = :id").param("id", id)
                .query(String.class).single();
    }

    /** An approved or locked settlement run covers the residence and month: its lines are frozen. */
    boolean locked(String residencePath, LocalDate month) {
        return jdbc.sql("select exists (select 1 from ltc_settlement_run where status in ('APPROVED', 'LOCKED')"
                        + " and month = :m"
                        + " and cast(:path as ltree) <@ region_path)")
                .param("m", month).param("path", residencePath).query(Boolean.class).single();
    }

    private static @Nullable ReadLine read(NewRecord r, String field, InvalidInput.Collector problems) {
        int before = problems.problems().size();
        if (r.recordId() == null || r.recordId().isBlank() || r.recordId().length() > 80) {
            problems.add(field + ".recordId", r.recordId() == null || r.recordId().isBlank() ? "REQUIRED"
                    : "LTC_TEXT_LENGTH", 80);
        }
        LtcInput.required(field + ".beneficiaryId", r.beneficiaryId(), problems);
        LocalDate date = LtcInput.date(field + ".serviceDate", r.serviceDate(), true, problems);
        Qualification q = LtcInput.enumOf(field + ".qualification", Qualification.class, r.qualification(), false,
                problems);
        Instant in = instant(field + ".checkIn", r.checkIn(), problems);
        Instant out = instant(field + ".checkOut", r.checkOut(), problems);
        if (in != null && out != null && !out.isAfter(in)) {
            problems.add(field + ".checkOut", "LTC_PERIOD_ORDER");
        }
        if ((r.checkInLatitude() == null) != (r.checkInLongitude() == null)) {
            problems.add(field + ".checkInLongitude", "LTC_POSITION_INCOMPLETE");
        }
        if (r.caregiverId() != null && r.caregiverId().length() > 60) {
            problems.add(field + ".caregiverId", "LTC_TEXT_LENGTH", 60);
        }
        if (r.bedFeeFen() != null && (r.bedFeeFen() < 0 || r.bedFeeFen() > LtcCalculator.MAX_AMOUNT_FEN)) {
            problems.add(field + ".bedFeeFen", "LTC_NEGATIVE_AMOUNT");
        }
        List<NewItem> items = r.items() == null ? List.of() : r.items();
        if (items.isEmpty()) {
            problems.add(field + ".items", "REQUIRED");
        }
        for (int i = 0; i < items.size(); i++) {
            NewItem item = items.get(i);
            if (item.code() == null || item.code().isBlank() || item.code().length() > 40) {
                problems.add(field + ".items[" + i + "].code", "REQUIRED");
            }
            if (item.quantity() == null || item.quantity() < 1 || item.quantity() > 1000) {
                problems.add(field + ".items[" + i + "].quantity", "LTC_QUANTITY");
            }
        }
        if (problems.problems().size() > before) {
            return null;
        }
        String itemsText = String.join(";", items.stream().map(i -> i.code() + "x" + i.quantity()).toList());
        long bed = r.bedFeeFen() == null ? 0 : r.bedFeeFen();
        String hash = sha256(String.join("|", r.beneficiaryId().toString(), date.toString(), String.valueOf(q),
                String.valueOf(r.caregiverId()), String.valueOf(in), String.valueOf(out),
                String.valueOf(r.checkInLatitude()), String.valueOf(r.checkInLongitude()), itemsText,
                String.valueOf(bed)));
        return new ReadLine(r.recordId(), r.beneficiaryId(), date, r.caregiverId(),
                q == null ? Qualification.CARER : q, in, out, r.checkInLatitude(), r.checkInLongitude(), items,
                itemsText, bed, Boolean.TRUE.equals(r.adjustment()), hash);
    }

    private static @Nullable Instant instant(String field, @Nullable String value, InvalidInput.Collector problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(field, "LTC_TIME_FORMAT");
            return null;
        }
    }

    private static List<String> reasons(@Nullable Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Priced {
        long life;
        long medical;
        long consumables;
        long device;
        @Nullable String catalogueId;
    }

    private record Provider(UUID id, @Nullable UUID providerId, String regionPath, LocalDate from,
                            @Nullable LocalDate to) {
    }

    private record Existing(UUID id, String hash, String outcome, List<String> reasons, LocalDate month,
                            String residencePath) {
    }

    private record ReadLine(String recordId, UUID beneficiaryId, LocalDate date, @Nullable String caregiverId,
                            Qualification qualification, @Nullable Instant checkIn, @Nullable Instant checkOut,
                            @Nullable Double latitude, @Nullable Double longitude, List<NewItem> items,
                            String itemsText, long bedFeeFen, boolean adjustment, String hash) {
        /** Positions are whereabouts: only the record id. */
        @Override
        public String toString() {
            return "ReadLine[" + recordId + "]";
        }
    }

    /** A batch from one designated provider. */
    record Batch(@Nullable UUID designatedProviderId, @Nullable List<NewRecord> records) {
    }

    /**
     * One visit (home care) or one day of institution care. Times are ISO instants. {@code adjustment} true sends a
     * correction of a line of a frozen month, to be settled in the first open month after it.
     */
    record NewRecord(@Nullable String recordId, @Nullable UUID beneficiaryId, @Nullable String serviceDate,
                     @Nullable String caregiverId, @Nullable String qualification, @Nullable String checkIn,
                     @Nullable String checkOut, @Nullable Double checkInLatitude, @Nullable Double checkInLongitude,
                     @Nullable List<NewItem> items, @Nullable Long bedFeeFen, @Nullable Boolean adjustment) {
        @Override
        public String toString() {
            return "NewRecord[" + recordId + "]";
        }
    }

    record NewItem(@Nullable String code, @Nullable Integer quantity) {
    }

    /** The outcome of one line; {@code written} false when nothing changed (same content, or a locked month). */
    record LineResult(String recordId, String outcome, List<String> reasons, boolean written) {
    }

    record Designation(UUID id, String name, String agreementNo) {
    }

    /** A stored line for the correction form; items as {@code CODExQTY;…}. */
    record StoredLine(UUID designatedProviderId, String recordId, @Nullable UUID beneficiaryId, LocalDate serviceDate,
                      @Nullable String caregiverId, String qualification, @Nullable Instant checkIn,
                      @Nullable Instant checkOut, String items, long bedFeeFen, boolean adjustment) {
    }

    /** Record ids of the provider's lines to withdraw. */
    record Cancellation(@Nullable UUID designatedProviderId, @Nullable List<String> recordIds) {
    }

    record BatchResult(int lines, long accepted, long rejected, List<LineResult> results) {
    }

    /** A stored line; {@code settleMonth} later than the date's month marks an adjustment of a frozen month. */
    record LineView(String recordId, @Nullable UUID beneficiaryId, LocalDate serviceDate, String outcome,
                    List<String> reasons, long costFen, String settleMonth) {
    }
}
