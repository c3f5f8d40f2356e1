package org.yiyang.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.facility.UnifiedSocialCreditCode;
import org.yiyang.region.Regions;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Conflict;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;
import org.yiyang.shared.Role;

/**
 * The register of third-party assessment agencies (第三方评估机构) and their assessors, kept by the civil-affairs bureau
 * (city and district officers) within their jurisdiction. An assessor has a qualification certificate valid over a
 * period, may name the provider that employs them, and declares their relatives (person ids) for 回避. Audited.
 */
@Service
public class AssessmentAgencies {
    private static final Role[] KEEPERS = {Role.CITY_OFFICER, Role.DISTRICT_OFFICER};
    private final AgencyStore store;
    private final Regions regions;
    private final AuditTrail audit;
    private final Clock clock;

    AssessmentAgencies(AgencyStore store, Regions regions, AuditTrail audit, Clock clock) {
        this.store = store;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers an agency serving a region within the actor's jurisdiction. */
    @Transactional
    public AgencyView register(@Nullable String name, @Nullable String creditCode, @Nullable String regionCode,
                               Actor actor) {
        actor.require(KEEPERS);
        var problems = new InvalidInput.Collector();
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            problems.add("name", "REQUIRED");
        }
        String code = creditCode == null ? "" : creditCode.strip().toUpperCase(java.util.Locale.ROOT);
        if (!UnifiedSocialCreditCode.isValid(code)) {
            problems.add("creditCode", "INVALID_CREDIT_CODE");
        }
        String path = regionCode == null ? null : regions.pathOf(regionCode).orElse(null);
        if (path == null) {
            problems.add("regionCode", "UNKNOWN_REGION");
        } else if (!(path + ".").startsWith(actor.jurisdictionPath() + ".")) {
            problems.add("regionCode", "OUTSIDE_JURISDICTION");
        }
        problems.throwIfAny();
        if (store.creditCodeTaken(code)) {
            throw new Conflict("AGENCY_EXISTS", Map.of());
        }
        UUID id = UUID.randomUUID();
        store.insertAgency(id, name.strip(), code, regionCode, path, actor.userId(), clock.instant());
        audit.record(AuditEvent.success("ASSESSMENT_AGENCY_REGISTERED", actor, "assessment_agency", id));
        return view(store.managed(id, actor.jurisdictionPath()).orElseThrow());
    }

    /**
     * Registers (or updates) an assessor of the agency: certificate, qualification period, employing provider and
     * declared relatives (replacing earlier declarations). An assessor belongs to one agency at a time.
     */
    @Transactional
    public AgencyView registerAssessor(UUID agencyId, UUID userId, @Nullable String certificateNo,
                                       @Nullable LocalDate qualifiedFrom, @Nullable LocalDate qualifiedTo,
                                       @Nullable UUID employerProviderId, @Nullable List<UUID> relatives,
                                       Actor actor) {
        actor.require(KEEPERS);
        var agency = store.managed(agencyId, actor.jurisdictionPath()).orElseThrow(() -> new NotFound("agency"));
        var problems = new InvalidInput.Collector();
        if (certificateNo == null || certificateNo.isBlank() || certificateNo.strip().length() > 40) {
            problems.add("certificateNo", "REQUIRED");
        }
        if (qualifiedFrom == null) {
            problems.add("qualifiedFrom", "REQUIRED");
        }
        if (qualifiedTo == null) {
            problems.add("qualifiedTo", "REQUIRED");
        }
        if (qualifiedFrom != null && qualifiedTo != null && qualifiedTo.isBefore(qualifiedFrom)) {
            problems.add("qualifiedTo", "PERIOD_ENDS_BEFORE_IT_STARTS");
        }
        Set<UUID> declared = new LinkedHashSet<>();
        if (relatives != null) {
            for (int i = 0; i < relatives.size(); i++) {
                if (relatives.get(i) == null) {
                    problems.add("relatives[" + i + "]", "REQUIRED");
                } else {
                    declared.add(relatives.get(i));
                }
            }
        }
        problems.throwIfAny();
        var other = store.agencyOf(userId).filter(a -> !a.equals(agencyId));
        if (other.isPresent()) {
            throw new Conflict("ASSESSOR_OF_ANOTHER_AGENCY", Map.of("assessorId", userId));
        }
        store.upsertAssessor(new AgencyStore.Assessor(userId, agencyId, certificateNo.strip(), qualifiedFrom,
                qualifiedTo, employerProviderId), declared, actor.userId(), clock.instant());
        audit.record(AuditEvent.success("ASSESSOR_REGISTERED", actor, "assessor", userId)
                .withDetails(Map.of("agencyId", agencyId.toString(), "relatives", declared.size())));
        return view(agency);
    }

    /** One agency with its assessors, if visible to the actor (404 otherwise). */
    @Transactional(readOnly = true)
    public AgencyView find(UUID agencyId, Actor actor) {
        actor.require(Role.CITY_OFFICER, Role.DISTRICT_OFFICER, Role.STREET_WORKER);
        return view(store.visible(agencyId, actor.jurisdictionPath()).orElseThrow(() -> new NotFound("agency")));
    }

    /** The agencies visible to the actor (their region within or around the actor's jurisdiction). */
    @Transactional(readOnly = true)
    public List<AgencyView> list(Actor actor) {
        actor.require(Role.CITY_OFFICER, Role.DISTRICT_OFFICER, Role.STREET_WORKER);
        return store.visibleAll(actor.jurisdictionPath()).stream().map(this::view).toList();
    }

    private AgencyView view(AgencyStore.Agency a) {
        return new AgencyView(a.id(), a.name(), a.creditCode(), a.regionCode(), store.assessorsOf(a.id()).stream()
                .map(s -> new AssessorView(s.userId(), s.certificateNo(), s.qualifiedFrom(), s.qualifiedTo(),
                        s.employerProviderId(), store.relativeCount(s.userId())))
                .toList());
    }

    /** An agency as the API shows it; relatives only as a count (who is whose relative is not shown). */
    public record AgencyView(UUID id, String name, String creditCode, String regionCode,
                             List<AssessorView> assessors) {
    }

    public record AssessorView(UUID userId, String certificateNo, LocalDate qualifiedFrom, LocalDate qualifiedTo,
                               @Nullable UUID employerProviderId, int declaredRelatives) {
    }
}
