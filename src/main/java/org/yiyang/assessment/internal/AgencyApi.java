package org.yiyang.assessment.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;

/** The register of assessment agencies and assessors (qualifications, employer, declared relatives for 回避). */
@RestController
@RequestMapping("/api/v1/assessment-agencies")
@Tag(name = "assessment agencies", description = "第三方评估机构 and their qualified assessors")
class AgencyApi {
    private final AssessmentAgencies agencies;

    AgencyApi(AssessmentAgencies agencies) {
        this.agencies = agencies;
    }

    @PostMapping
    @PreAuthorize(Access.ASSESSMENT_AGENCY_KEEPERS)
    @Operation(summary = "Register an assessment agency serving a region within the caller's jurisdiction")
    ResponseEntity<AssessmentAgencies.AgencyView> register(@RequestBody NewAgency body, Actor actor) {
        var view = agencies.register(body.name(), body.creditCode(), body.regionCode(), actor);
        return ResponseEntity.created(URI.create("/api/v1/assessment-agencies/" + view.id())).body(view);
    }

    @GetMapping
    @PreAuthorize(Access.ASSESSMENT_REQUESTERS)
    @Operation(summary = "The agencies serving the caller's jurisdiction")
    List<AssessmentAgencies.AgencyView> list(Actor actor) {
        return agencies.list(actor);
    }

    @GetMapping("/{id}")
    @PreAuthorize(Access.ASSESSMENT_REQUESTERS)
    @Operation(summary = "One agency with its assessors (404 outside the caller's jurisdiction)")
    AssessmentAgencies.AgencyView find(@PathVariable UUID id, Actor actor) {
        return agencies.find(id, actor);
    }

    @PutMapping("/{id}/assessors/{userId}")
    @PreAuthorize(Access.ASSESSMENT_AGENCY_KEEPERS)
    @Operation(summary = "Register or update an assessor: certificate, qualification period, employer, relatives")
    AssessmentAgencies.AgencyView assessor(@PathVariable UUID id, @PathVariable UUID userId,
                                           @RequestBody AssessorBody body, Actor actor) {
        return agencies.registerAssessor(id, userId, body.certificateNo(), body.qualifiedFrom(), body.qualifiedTo(),
                body.employerProviderId(), body.relatives(), actor);
    }

    record NewAgency(@Nullable String name, @Nullable String creditCode, @Nullable String regionCode) {
    }

    record AssessorBody(@Nullable String certificateNo, @Nullable LocalDate qualifiedFrom,
                        @Nullable LocalDate qualifiedTo, @Nullable UUID employerProviderId,
                        @Nullable List<UUID> relatives) {
        @Override
        public String toString() {
            return "AssessorBody[…]";
        }
    }
}
