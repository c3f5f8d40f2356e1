package org.yiyang.assessment.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.yiyang.shared.InvalidInput;

/** The assessment workflow API; every call is scoped to the caller's jurisdiction (404 outside it). */
@RestController
@RequestMapping("/api/v1/assessments")
@Tag(name = "assessments", description = "Care-needs assessment (老年人能力评估)")
class AssessmentApi {
    private final Assessments assessments;
    private final AssessmentScoring scoring;

    AssessmentApi(Assessments assessments, AssessmentScoring scoring) {
        this.assessments = assessments;
        this.scoring = scoring;
    }

    @PostMapping
    @PreAuthorize(Access.ASSESSMENT_REQUESTERS)
    @Operation(summary = "Request an assessment (reason FIRST, ROUTINE, IMMEDIATE with a cause, REVIEW with reviewOf,"
            + " OTHER)")
    ResponseEntity<Assessments.AssessmentView> request(@RequestBody NewRequest body, Actor actor) {
        UUID id = assessments.request(body.personId() == null ? missingPerson() : body.personId(), body.reason(),
                body.reviewOf(), body.instrument(), body.cause(), actor);
        return ResponseEntity.created(URI.create("/api/v1/assessments/" + id)).body(assessments.find(id, actor));
    }

    @PostMapping("/{id}/assignment")
    @PreAuthorize(Access.ASSESSMENT_REQUESTERS)
    @Operation(summary = "Assign an agency and two of its assessors, qualified today and free of 回避 (declared"
            + " relatives; their employer serving the elder, servingProviders); a review needs other assessors")
    Assessments.AssessmentView assign(@PathVariable UUID id, @RequestBody Assignment body, Actor actor) {
        assessments.assign(id, body.agencyId(), body.assessors() == null ? List.of() : body.assessors(),
                body.servingProviders(), actor);
        return assessments.find(id, actor);
    }

    @PostMapping("/{id}/visit")
    @PreAuthorize(Access.ASSESSOR)
    @Operation(summary = "Record the visit as evidence (time, place, who was present); needed before submission")
    Assessments.AssessmentView visit(@PathVariable UUID id, @RequestBody Visit body, Actor actor) {
        assessments.recordVisit(id, body, actor);
        return assessments.find(id, actor);
    }

    @PutMapping("/{id}/draft")
    @PreAuthorize(Access.ASSESSOR)
    @Operation(summary = "Save the answers so far (missing items allowed); answers subtotals and total so far")
    Map<String, Object> draft(@PathVariable UUID id, @RequestBody AnswersBody body, Actor actor, Locale locale) {
        return scoring.view(assessments.saveDraft(id, body.toInput(), body.toAppendix(), actor), locale);
    }

    @PostMapping("/{id}/submission")
    @PreAuthorize(Access.ASSESSOR)
    @Operation(summary = "Submit complete answers with Appendix A (and the entered grade for LTC2021) after the visit;"
            + " the server scores them and clears earlier signatures")
    Map<String, Object> submit(@PathVariable UUID id, @RequestBody AnswersBody body, Actor actor, Locale locale) {
        Map<String, Object> view = scoring.view(assessments.submit(id, body.toInput(), body.toAppendix(),
                body.enteredGrade(), actor), locale);
        view.put("enteredGrade", body.enteredGrade());
        return view;
    }

    @PostMapping("/{id}/override")
    @PreAuthorize(Access.ASSESSOR)
    @Operation(summary = "Override the computed level with a reason; both assessors must sign again")
    Assessments.AssessmentView override(@PathVariable UUID id, @RequestBody Override body, Actor actor) {
        assessments.override(id, body.level(), body.reason(), actor);
        return assessments.find(id, actor);
    }

    @PostMapping("/{id}/signatures")
    @PreAuthorize(Access.ASSESSOR)
    @Operation(summary = "Sign as an assigned assessor; with both signatures the result becomes effective")
    Assessments.AssessmentView sign(@PathVariable UUID id, Actor actor) {
        return assessments.sign(id, actor);
    }

    @GetMapping("/{id}")
    @PreAuthorize(Access.ASSESSMENT)
    @Operation(summary = "One assessment within the caller's jurisdiction (404 otherwise)")
    Assessments.AssessmentView find(@PathVariable UUID id, Actor actor) {
        return assessments.find(id, actor);
    }

    @GetMapping
    @PreAuthorize(Access.ASSESSMENT)
    @Operation(summary = "A person's assessment history, newest first, within the caller's jurisdiction")
    List<Assessments.AssessmentView> history(@org.springframework.web.bind.annotation.RequestParam UUID personId,
                                             Actor actor) {
        return assessments.history(personId, actor);
    }

    @GetMapping("/worklist")
    @PreAuthorize(Access.ASSESSOR)
    @Operation(summary = "The assessments waiting for the calling assessor")
    List<Assessments.AssessmentView> worklist(Actor actor) {
        return assessments.worklist(actor);
    }

    private static UUID missingPerson() {
        throw InvalidInput.of("personId", "REQUIRED");
    }

    record NewRequest(@Nullable UUID personId, @Nullable String reason, @Nullable UUID reviewOf,
                      @Nullable String instrument, @Nullable String cause) {
    }

    record Assignment(@Nullable UUID agencyId, @Nullable List<UUID> assessors,
                      @Nullable List<UUID> servingProviders) {
    }

    record Override(@Nullable Integer level, @Nullable String reason) {
        @java.lang.Override
        public String toString() {
            return "Override[…]";
        }
    }
}
