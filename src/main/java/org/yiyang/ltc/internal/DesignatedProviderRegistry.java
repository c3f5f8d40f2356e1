package org.yiyang.ltc.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.ltc.DesignatedProvider;
import org.yiyang.ltc.DesignationKind;
import org.yiyang.region.Regions;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Conflict;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.Role;

/**
 * Registers designated providers (LTC officers), ends or suspends their agreements (audited), and lists them within
 * the caller's jurisdiction. Lines of a day after the end or within a suspension are refused PROVIDER_NOT_DESIGNATED.
 */
@Service
class DesignatedProviderRegistry {
    private static final String SELECT = "select id, provider_id, name, kind, agreement_no, region_code, valid_from,"
            + " valid_to from ltc_designated_provider";

    private final JdbcClient jdbc;
    private final Regions regions;
    private final org.yiyang.audit.AuditTrail audit;

    private final LateFacts lateFacts;

    DesignatedProviderRegistry(JdbcClient jdbc, Regions regions, org.yiyang.audit.AuditTrail audit,
                               LateFacts lateFacts) {
        this.lateFacts = lateFacts;
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
    }

    /** Ends the agreement on a day (its last valid day); an agreement that ends earlier already is refused (409). */
    @Transactional
    DesignatedProvider end(UUID id, AgreementEnd request, Actor actor) {
        actor.require(Role.LTC_OFFICER);
        DesignatedProvider p = find(id, actor);
        var problems = new InvalidInput.Collector();
        LocalDate on = date("endedOn", request.endedOn(), true, problems);
        if (on != null && on.isBefore(p.validFrom())) {
            problems.add("endedOn", "LTC_PERIOD_ORDER");
        }
        problems.throwIfAny();
        if (p.validTo() != null && !p.validTo().isAfter(on)) {
            throw new Conflict("LTC_AGREEMENT_ENDED", Map.of("id", id));
        }
        jdbc.sql("update ltc_designated_provider set valid_to = :on where id = :id").param("on", on).param("id", id)
                .update();
        lateFacts.rejectProviderLines(id, on.plusDays(1), null, "PROVIDER_NOT_DESIGNATED");
        audit.record(org.yiyang.audit.AuditEvent.success("LTC_AGREEMENT_ENDED", actor, "ltcDesignatedProvider", id)
                .withDetails(Map.of("endedOn", on.toString())));
        return find(id, actor);
    }

    /** Suspends the agreement from a day (to a day, or until further notice). */
    @Transactional
    DesignatedProvider suspend(UUID id, Suspension request, Actor actor) {
        actor.require(Role.LTC_OFFICER);
        DesignatedProvider p = find(id, actor);
        var problems = new InvalidInput.Collector();
        LocalDate from = date("fromDay", request.fromDay(), true, problems);
        LocalDate to = date("toDay", request.toDay(), false, problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add("toDay", "LTC_PERIOD_ORDER");
        }
        problems.throwIfAny();
        jdbc.sql("insert into ltc_designation_suspension (id, designated_provider_id, from_day, to_day, recorded_by)"
                        + " values (:id, :p, :from, :to, :by)")
                .param("id", UUID.randomUUID()).param("p", p.id()).param("from", from).param("to", to)
                .param("by", actor.userId()).update();
        lateFacts.rejectProviderLines(id, from, to, "PROVIDER_NOT_DESIGNATED");
        audit.record(org.yiyang.audit.AuditEvent.success("LTC_AGREEMENT_SUSPENDED", actor, "ltcDesignatedProvider",
                id).withDetails(Map.of("fromDay", from.toString())));
        return p;
    }

    /** A designation within the caller's jurisdiction; 404 outside it. */
    DesignatedProvider find(UUID id, Actor actor) {
        return jdbc.sql(SELECT + " where id = :id and region_path <@ cast(:jurisdiction as ltree)")
                .param("id", id).param("jurisdiction", actor.jurisdictionPath())
                .query(DesignatedProviderRegistry::map).optional()
                .orElseThrow(() -> new org.yiyang.shared.NotFound("ltcDesignatedProvider"));
    }

    record AgreementEnd(@Nullable String endedOn) {
    }

    record Suspension(@Nullable String fromDay, @Nullable String toDay) {
    }

    @Transactional
    DesignatedProvider register(NewDesignation request, Actor actor) {
        actor.require(Role.LTC_OFFICER);
        var problems = new InvalidInput.Collector();
        String name = request.name() == null ? "" : request.name().trim();
        if (name.isEmpty() || name.length() > 200) {
            problems.add("name", name.isEmpty() ? "REQUIRED" : "LTC_TEXT_LENGTH", 200);
        }
        String agreement = request.agreementNo() == null ? "" : request.agreementNo().trim();
        if (agreement.isEmpty() || agreement.length() > 60) {
            problems.add("agreementNo", agreement.isEmpty() ? "REQUIRED" : "LTC_TEXT_LENGTH", 60);
        }
        if (request.kind() == null) {
            problems.add("kind", "REQUIRED");
        }
        String path = null;
        if (request.regionCode() == null || request.regionCode().isBlank()) {
            problems.add("regionCode", "REQUIRED");
        } else {
            path = regions.pathOf(request.regionCode()).orElse(null);
            if (path == null) {
                problems.add("regionCode", "REGION_UNKNOWN");
            } else if (!isWithin(path, actor.jurisdictionPath())) {
                problems.add("regionCode", "OUTSIDE_JURISDICTION");
            }
        }
        LocalDate from = date("validFrom", request.validFrom(), true, problems);
        LocalDate to = date("validTo", request.validTo(), false, problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add("validTo", "LTC_PERIOD_ORDER");
        }
        problems.throwIfAny();
        var provider = new DesignatedProvider(UUID.randomUUID(), request.providerId(), name, request.kind(),
                agreement, request.regionCode(), from, to);
        try {
            jdbc.sql("insert into ltc_designated_provider (id, provider_id, name, kind, agreement_no, region_code,"
                            + " region_path, valid_from, valid_to, registered_by) values (:id, :provider, :name,"
                            + " :kind, :agreement, :region, cast(:path as ltree), :from, :to, :by)")
                    .param("id", provider.id()).param("provider", provider.providerId()).param("name", name)
                    .param("kind", provider.kind().name()).param("agreement", agreement)
                    .param("region", provider.regionCode()).param("path", path).param("from", from)
                    .param("to", to).param("by", actor.userId()).update();
        } catch (DuplicateKeyException e) {
            throw new Conflict("LTC_AGREEMENT_EXISTS", Map.of("field", "agreementNo"));
        }
        return provider;
    }

    @Transactional(readOnly = true)
    List<DesignatedProvider> list(Actor actor) {
        return jdbc.sql(SELECT + " where region_path <@ cast(:jurisdiction as ltree) order by name, agreement_no")
                .param("jurisdiction", actor.jurisdictionPath()).query(DesignatedProviderRegistry::map).list();
    }

    private static boolean isWithin(String path, String jurisdiction) {
        return path.equals(jurisdiction) || path.startsWith(jurisdiction + ".");
    }

    private static DesignatedProvider map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        java.sql.Date to = rs.getDate("valid_to");
        return new DesignatedProvider(rs.getObject("id", UUID.class), rs.getObject("provider_id", UUID.class),
                rs.getString("name"), DesignationKind.valueOf(rs.getString("kind")), rs.getString("agreement_no"),
                rs.getString("region_code"), rs.getDate("valid_from").toLocalDate(),
                to == null ? null : to.toLocalDate());
    }

    private static @Nullable LocalDate date(String field, @Nullable String value, boolean required,
                                            InvalidInput.Collector problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(field, "REQUIRED");
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(field, "DATE_FORMAT");
            return null;
        }
    }

    /** The body of a registration. */
    record NewDesignation(@Nullable UUID providerId, @Nullable String name, @Nullable DesignationKind kind,
                          @Nullable String agreementNo, @Nullable String regionCode, @Nullable String validFrom,
                          @Nullable String validTo) {
    }
}
