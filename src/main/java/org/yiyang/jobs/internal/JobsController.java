package org.yiyang.jobs.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.yiyang.shared.Access;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.yiyang.jobs.JobView;
import org.yiyang.jobs.Jobs;
import org.yiyang.shared.Actor;
import org.yiyang.shared.NotFound;

/** The jobs page and the job status API. */
@PreAuthorize(Access.JOBS)
@Controller
@Tag(name = "jobs")
class JobsController {
    private final Jobs jobs;

    JobsController(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/jobs")
    String list(Actor actor, Model model) {
        model.addAttribute("jobs", jobs.recent(50, actor));
        return "jobs/list";
    }

    @GetMapping("/jobs/{id}")
    String show(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("job", jobs.find(id, actor).orElseThrow(() -> new NotFound("job")));
        model.addAttribute("rejections", jobs.rejections(id, actor));
        return "jobs/show";
    }

    @GetMapping("/api/v1/jobs/{id}")
    @ResponseBody
    JobView api(Actor actor, @PathVariable UUID id) {
        return jobs.find(id, actor).orElseThrow(() -> new NotFound("job"));
    }
}
