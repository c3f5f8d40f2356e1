package org.yiyang.assessment.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.shared.Access;

/** Server-side scoring of an instrument: client totals are never trusted, nothing is stored. */
@PreAuthorize(Access.ASSESSMENT)
@RestController
@RequestMapping("/api/v1/assessments")
@Tag(name = "assessments", description = "Care-needs assessment (老年人能力评估)")
class ScoreApi {
    private final AssessmentScoring scoring;

    ScoreApi(AssessmentScoring scoring) {
        this.scoring = scoring;
    }

    @PostMapping("/score")
    @Operation(summary = "Score answers: subtotals, total, preliminary level, level changes with reasons, final level",
            description = "\"partial\": true allows missing items (no level then); 422 lists every problem")
    Map<String, Object> score(@RequestBody ScoreRequest request, Locale locale) {
        return scoring.view(scoring.score(request.instrument(), request.toInput()), locale);
    }
}
