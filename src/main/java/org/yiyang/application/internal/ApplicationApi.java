package org.yiyang.application.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiyang.application.internal.ApplicationViews.ApplicationSummary;
import org.yiyang.application.internal.ApplicationViews.ApplicationView;
import org.yiyang.application.internal.ApplicationViews.AttachmentView;
import org.yiyang.application.internal.ApplicationViews.FirstCheck;
import org.yiyang.application.internal.ApplicationViews.ItemDecision;
import org.yiyang.application.internal.ApplicationViews.NewApplication;
import org.yiyang.shared.Access;
import org.yiyang.shared.Actor;

/** The one-stop application API; every call is scoped to the caller's jurisdiction (404 outside it). */
@RestController
@RequestMapping("/api/v1/applications")
@Tag(name = "applications", description = "One-stop applications (一站式办理) and their legal deadlines")
class ApplicationApi {
    private final Applications applications;
    private final ApplicationWorkflow workflow;
    private final ApplicationRules rules;

    ApplicationApi(Applications applications, ApplicationWorkflow workflow, ApplicationRules rules) {
        this.applications = applications;
        this.workflow = workflow;
        this.rules = rules;
    }

    @PostMapping
    @PreAuthorize(Access.APPLICATIONS)
    @Operation(summary = "Take an application (channel ONLINE_SELF, ONLINE_FAMILY, ONLINE_AGENT, STREET_OFFICE)",
            description = "Family and agents need the elder's recorded AGENT consent; opens the first check (5 wd)")
    ResponseEntity<ApplicationView> submit(@RequestBody NewApplication body, Actor actor, Locale locale) {
        UUID id = applications.submit(body, actor);
        return ResponseEntity.created(URI.create("/api/v1/applications/" + id))
                .body(applications.find(id, language(locale), actor));
    }

    @GetMapping
    @PreAuthorize(Access.APPLICATIONS)
    @Operation(summary = "Applications in the caller's jurisdiction by due date, optionally of one status")
    List<ApplicationSummary> list(@RequestParam(required = false) @Nullable String status,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "50") int size, Actor actor) {
        return applications.list(status, page, size, actor);
    }

    @GetMapping("/worklist")
    @PreAuthorize(Access.APPLICATIONS)
    @Operation(summary = "The caller's worklist by due date; supervisors also see every overdue step")
    List<ApplicationSummary> worklist(Actor actor) {
        return applications.worklist(actor);
    }

    @GetMapping("/{id}")
    @PreAuthorize(Access.APPLICATIONS)
    @Operation(summary = "One application: items, checklist, steps with due dates, decisions with traces, notice")
    ApplicationView find(@PathVariable UUID id, Actor actor, Locale locale) {
        return applications.find(id, language(locale), actor);
    }

    @PostMapping("/{id}/first-check")
    @PreAuthorize(Access.APPLICATIONS)
    @Operation(summary = "The street's first check; passed → assessment (reused when valid) or verification")
    ApplicationView firstCheck(@PathVariable UUID id, @RequestBody FirstCheck body, Actor actor, Locale locale) {
        workflow.firstCheck(id, body, actor);
        return applications.find(id, language(locale), actor);
    }

    @PostMapping("/{id}/verification")
    @PreAuthorize(Access.APPLICATIONS)
    @Operation(summary = "The district's verification (outcome CONFIRMED or NOT_CONFIRMED)")
    ApplicationView verify(@PathVariable UUID id, @RequestBody Verification body, Actor actor, Locale locale) {
        workflow.verify(id, body.outcome(), actor);
        return applications.find(id, language(locale), actor);
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize(Access.APPLICATIONS)
    @Operation(summary = "Decide every item (GRANTED where eligible, REJECTED with a reason); issues the notice")
    ApplicationView decide(@PathVariable UUID id, @RequestBody Decisions body, Actor actor, Locale locale) {
        workflow.decide(id, body.decisions(), actor);
        return applications.find(id, language(locale), actor);
    }

    @PostMapping("/{id}/review")
    @PreAuthorize(Access.APPLICATIONS)
    @Operation(summary = "Record the applicant's review request (within the window); decided within 15 wd")
    ApplicationView requestReview(@PathVariable UUID id, @RequestBody ReviewRequest body, Actor actor,
                                  Locale locale) {
        workflow.requestReview(id, body.reason(), actor);
        return applications.find(id, language(locale), actor);
    }

    @PostMapping("/{id}/review/decision")
    @PreAuthorize(Access.APPLICATIONS)
    @Operation(summary = "Decide the review, item by item, with the same rules as the decision")
    ApplicationView decideReview(@PathVariable UUID id, @RequestBody Decisions body, Actor actor, Locale locale) {
        workflow.decideReview(id, body.decisions(), actor);
        return applications.find(id, language(locale), actor);
    }

    @PostMapping("/{id}/attachments")
    @PreAuthorize(Access.APPLICATIONS)
    @Operation(summary = "Store a material as the raw request body (PDF, JPEG or PNG, size-limited)")
    ResponseEntity<AttachmentView> attach(@PathVariable UUID id, @RequestParam(required = false) @Nullable String material,
                                          HttpServletRequest request, Actor actor) throws IOException {
        byte[] content;
        try (InputStream in = request.getInputStream()) {
            content = in.readNBytes(rules.maxAttachmentBytes() + 1); // one more: "too large" without reading it all
        }
        AttachmentView stored = applications.attach(id, material, request.getContentType(), content, actor);
        return ResponseEntity.created(URI.create("/api/v1/applications/" + id + "/attachments/" + stored.id()))
                .body(stored);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @PreAuthorize(Access.APPLICATIONS)
    @Operation(summary = "An attachment's content")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId, Actor actor) {
        var stored = applications.attachment(id, attachmentId, actor);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(stored.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + attachmentId + "\"")
                .body(stored.content());
    }

    static String language(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? "zh-CN" : "en";
    }

    record Verification(@Nullable String outcome) {
    }

    record Decisions(@Nullable List<ItemDecision> items) {
        List<ItemDecision> decisions() {
            return items == null ? List.of() : items.stream().filter(Objects::nonNull).toList();
        }
    }

    record ReviewRequest(@Nullable String reason) {
        @Override
        public String toString() {
            return "ReviewRequest[…]";
        }
    }
}
