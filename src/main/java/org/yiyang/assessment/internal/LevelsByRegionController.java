package org.yiyang.assessment.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;

/** Counts of elders by current care level per region: a page and the same table as JSON. */
@PreAuthorize(Access.ASSESSMENT)
@Controller
@Tag(name = "assessments")
class LevelsByRegionController {
    private final LevelsByRegion levels;

    LevelsByRegionController(LevelsByRegion levels) {
        this.levels = levels;
    }

    @Operation(summary = "Elders with a current result, by final level, per region below the given one")
    @GetMapping("/api/v1/assessments/levels-by-region")
    @ResponseBody
    LevelsByRegion.Table api(@RequestParam(required = false) @Nullable String region, Actor actor) {
        return levels.of(region, actor);
    }

    @GetMapping("/assessments/levels")
    String page(@RequestParam(required = false) @Nullable String region, Actor actor, Model model) {
        model.addAttribute("table", levels.of(region, actor));
        return "assessment/levels";
    }
}
