package org.yiyang.application.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.application.internal.ApplicationViews.FirstCheck;
import org.yiyang.application.internal.ApplicationViews.ItemDecision;
import org.yiyang.assessment.AssessmentRequests;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.eligibility.Eligibility;
import org.yiyang.eligibility.EligibilityAnswer;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.Conflict;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;
import org.yiyang.shared.Role;
import org.yiyang.shared.SupervisorNotice;
import org.yiyang.shared.SystemUse;
import org.yiyang.shared.privacy.PersonalDataCipher;

/**
 * The legal steps of an application (community-care-guangzhou-2022.md §7), each with its due date from the
 * working-day calendar: first check by the street (5 working days) → the shared care-needs assessment when an item
 * needs it (a valid result is reused, an open request joined) → verification by the district (5 working days after
 * the assessment is received) → the decision per item with reasons and the eligibility trace, the notice with the
 * applicant's rights, and grants → an optional review requested within the window and decided within 15 working
 * days. Overdue steps are escalated to supervisors once per step.
 */
@Service
public class ApplicationWorkflow {
    private static final int MAX_REASON = 500;

    private final ApplicationStore store;
    private final ApplicationRules rules;
    private final Deadlines deadlines;
    private final ApplicationViewer viewer;
    private final AssessmentRequests assessments;
    private final Eligibility eligibility;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApplicationWorkflow(ApplicationStore store, ApplicationRules rules, Deadlines deadlines, ApplicationViewer viewer,
                        AssessmentRequests assessments, Eligibility eligibility, PersonalDataCipher cipher,
                        AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.deadlines = deadlines;
        this.viewer = viewer;
        this.assessments = assessments;
        this.eligibility = eligibility;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The street's first check. Passed: on to verification when no item needs an assessment or a valid one exists
     * (reused, received today), else to waiting for the assessment (requested, or an open request joined). Not
     * passed: every item is rejected with the reason and the notice goes out.
     */
    @Transactional
    public void firstCheck(UUID id, FirstCheck check, Actor actor) {
        var row = load(id, actor);
        actor.require(Role.STREET_WORKER, Role.DISTRICT_OFFICER);
        requireStatus(row, ApplicationStatus.FIRST_CHECK);
        var problems = new InvalidInput.Collector();
        if (check.passed() == null) {
            problems.add("passed", "REQUIRED");
        } else if (!check.passed()) {
            reason(check.reason(), "reason", problems);
        }
        problems.throwIfAny();
        LocalDate today = BusinessZone.today(clock);
        if (!check.passed()) {
            rejectAll(row, check.reason().strip(), today, actor);
            audit.record(AuditEvent.success("APPLICATION_FIRST_CHECK_FAILED", actor, "application", id));
            return;
        }
        audit.record(AuditEvent.success("APPLICATION_FIRST_CHECK_PASSED", actor, "application", id));
        boolean needsAssessment = store.items(id).stream()
                .anyMatch(i -> rules.item(i).map(ApplicationRules.ItemRule::needsAssessment).orElse(false));
        if (!needsAssessment) {
            store.moveTo(id, ApplicationStatus.VERIFICATION, deadlines.verification(today), today, actor.userId(),
                    "PASSED");
            return;
        }
        var requested = assessments.request(row.personId(), actor);
        if (requested.effective()) {
            store.assessment(id, requested.assessmentId(), today);
            store.moveTo(id, ApplicationStatus.VERIFICATION, deadlines.verification(today), today, actor.userId(),
                    "PASSED_ASSESSMENT_REUSED");
        } else {
            store.assessment(id, requested.assessmentId(), null);
            store.moveTo(id, ApplicationStatus.WAITING_FOR_ASSESSMENT, null, today, actor.userId(),
                    "PASSED_ASSESSMENT_REQUESTED");
        }
    }

    /** A person's assessment became effective: their applications waiting for it move on to verification. */
    @Transactional
    @SystemUse("reacts to AssessmentCompleted; moves only applications waiting for that person's assessment")
    public int assessmentCompleted(UUID assessmentId, UUID personId) {
        LocalDate today = BusinessZone.today(clock);
        int moved = 0;
        for (var row : store.waitingFor(personId)) {
            store.assessment(row.id(), assessmentId, today);
            store.moveTo(row.id(), ApplicationStatus.VERIFICATION, deadlines.verification(today), today, null,
                    "ASSESSMENT_RECEIVED");
            audit.record(AuditEvent.success("APPLICATION_ASSESSMENT_RECEIVED", null, "application", row.id()));
            moved++;
        }
        return moved;
    }

    /** The district's verification of the facts (资格核实); the decision is due with it. */
    @Transactional
    public void verify(UUID id, @Nullable String outcome, Actor actor) {
        var row = load(id, actor);
        actor.require(Role.DISTRICT_OFFICER);
        requireStatus(row, ApplicationStatus.VERIFICATION);
        if (outcome == null || !Set.of("CONFIRMED", "NOT_CONFIRMED").contains(outcome)) {
            throw InvalidInput.of("outcome", "UNKNOWN_OUTCOME");
        }
        LocalDate today = BusinessZone.today(clock);
        var due = row.dueOn() == null ? deadlines.verification(today)
                : new org.yiyang.shared.WorkingDayCalendar.Deadline(row.dueOn(),
                        row.dueApproximate() ? Set.of(row.dueOn().getYear()) : Set.of());
        store.moveTo(id, ApplicationStatus.DECISION, due, today, actor.userId(), outcome);
        audit.record(AuditEvent.success("APPLICATION_VERIFIED", actor, "application", id)
                .withDetails(Map.of("outcome", outcome)));
    }

    /**
     * Decides every item: GRANTED only where the rules hold today (eligible and not superseded by a higher
     * standard), REJECTED with a reason. Stores each decision with the eligibility trace, issues the notice and
     * opens a grant from the first day of the next month for each granted item.
     */
    @Transactional
    public void decide(UUID id, List<ItemDecision> decisions, Actor actor) {
        var row = load(id, actor);
        actor.require(Role.DISTRICT_OFFICER);
        requireStatus(row, ApplicationStatus.DECISION);
        LocalDate today = BusinessZone.today(clock);
        record(row, "DECISION", decisions, today, actor);
        store.moveTo(id, ApplicationStatus.DECIDED, null, today, actor.userId(), "DECIDED");
        store.decided(id, today, deadlines.reviewWindowEnd(today));
        audit.record(AuditEvent.success("APPLICATION_DECIDED", actor, "application", id));
    }

    /** Records the applicant's review request (复核), within the window after the notice; decided within 15 wd. */
    @Transactional
    public void requestReview(UUID id, @Nullable String reason, Actor actor) {
        var row = load(id, actor);
        actor.require(Role.STREET_WORKER, Role.DISTRICT_OFFICER);
        requireStatus(row, ApplicationStatus.DECIDED);
        var problems = new InvalidInput.Collector();
        reason(reason, "reason", problems);
        LocalDate today = BusinessZone.today(clock);
        if (row.reviewWindowEndsOn() != null && today.isAfter(row.reviewWindowEndsOn())) {
            problems.add("reason", "REVIEW_WINDOW_CLOSED", row.reviewWindowEndsOn().toString());
        }
        problems.throwIfAny();
        store.insertReview(id, today, actor.userId(), cipher.encrypt(reason.strip(), ApplicationViewer.REASON));
        store.moveTo(id, ApplicationStatus.UNDER_REVIEW, deadlines.reviewDecision(today), today, actor.userId(),
                "REVIEW_REQUESTED");
        audit.record(AuditEvent.success("APPLICATION_REVIEW_REQUESTED", actor, "application", id));
    }

    /** Decides the review: the same rules as the decision; grants follow the new decisions from the next month. */
    @Transactional
    public void decideReview(UUID id, List<ItemDecision> decisions, Actor actor) {
        var row = load(id, actor);
        actor.require(Role.DISTRICT_OFFICER);
        requireStatus(row, ApplicationStatus.UNDER_REVIEW);
        LocalDate today = BusinessZone.today(clock);
        record(row, "REVIEW", decisions, today, actor);
        store.moveTo(id, ApplicationStatus.REVIEWED, null, today, actor.userId(), "REVIEWED");
        audit.record(AuditEvent.success("APPLICATION_REVIEW_DECIDED", actor, "application", id));
    }

    /** Escalates every step overdue on {@code today} once: a {@link SupervisorNotice} to the taker's supervisors. */
    @Transactional
    @SystemUse("the daily overdue job; publishes notices with ids only")
    public int escalateOverdue(LocalDate today) {
        var overdue = store.escalateOverdue(today);
        for (var row : overdue) {
            events.publishEvent(new SupervisorNotice(row.submittedBy(), row.residencePath(),
                    "APPLICATION_OVERDUE_" + row.status().name(), "application", row.id().toString()));
            audit.record(AuditEvent.success("APPLICATION_OVERDUE_ESCALATED", null, "application", row.id())
                    .withDetails(Map.of("step", row.status().name())));
        }
        return overdue.size();
    }

    /** Ends the grants of people who have died, on the day of death (the daily job). */
    @Transactional
    @SystemUse("the daily grants job; reads death dates from the registry's published view")
    public int endGrantsOfTheDeceased() {
        return store.endGrantsOfTheDeceased();
    }

    private void record(ApplicationStore.Row row, String round, List<ItemDecision> decisions, LocalDate today,
                        Actor actor) {
        List<String> items = store.items(row.id());
        EligibilityAnswer answer = eligibility.evaluatePerson(row.personId(), today, "zh-CN", actor);
        Map<String, EligibilityAnswer.ItemAnswer> answers = new HashMap<>();
        answer.items().forEach(a -> answers.put(a.item(), a));
        var problems = new InvalidInput.Collector();
        Set<String> decided = new HashSet<>();
        for (int i = 0; i < decisions.size(); i++) {
            ItemDecision d = decisions.get(i);
            String field = "items[" + i + "]";
            if (d.item() == null || !items.contains(d.item())) {
                problems.add(field + ".item", "NOT_APPLIED_FOR");
                continue;
            }
            if (!decided.add(d.item())) {
                problems.add(field + ".item", "DUPLICATE_ITEM");
                continue;
            }
            String decision = d.decision() == null ? "" : d.decision().strip().toUpperCase(Locale.ROOT);
            if (decision.equals("GRANTED")) {
                var a = answers.get(d.item());
                if (a == null || !Boolean.TRUE.equals(a.eligible()) || a.supersededBy() != null) {
                    problems.add(field + ".decision", "NOT_ELIGIBLE_TODAY");
                }
            } else if (decision.equals("REJECTED")) {
                reason(d.reason(), field + ".reason", problems);
            } else {
                problems.add(field + ".decision", "UNKNOWN_DECISION");
            }
        }
        for (String item : items) {
            if (!decided.contains(item)) {
                problems.add("items", "ITEM_NOT_DECIDED", item);
            }
        }
        problems.throwIfAny();
        for (ItemDecision d : decisions) {
            var a = answers.get(d.item());
            boolean granted = d.decision().strip().equalsIgnoreCase("GRANTED");
            Long monthly = granted && a != null ? a.monthlyAmountFen() : null;
            store.insertDecision(row.id(), round, d.item(), granted ? "GRANTED" : "REJECTED",
                    granted ? null : cipher.encrypt(d.reason().strip(), ApplicationViewer.REASON),
                    viewer.sealTrace(a == null ? List.of() : a.trace()), monthly, answer.listVersion().code(), today,
                    actor.userId());
            LocalDate firstMonth = today.withDayOfMonth(1).plusMonths(1);
            boolean running = store.grants(row.id()).stream()
                    .anyMatch(g -> g.itemCode().equals(d.item()) && g.validTo() == null);
            if (granted && !running) {
                store.insertGrant(row.id(), row.personId(), row.residencePath(), d.item(), monthly, firstMonth);
            } else if (!granted && running) {
                store.endGrant(row.id(), d.item(), firstMonth, "REVIEW");
            }
        }
    }

    private void rejectAll(ApplicationStore.Row row, String reason, LocalDate today, Actor actor) {
        byte[] emptyTrace = viewer.sealTrace(List.of());
        for (String item : store.items(row.id())) {
            store.insertDecision(row.id(), "DECISION", item, "REJECTED",
                    cipher.encrypt(reason, ApplicationViewer.REASON), emptyTrace, null, "-", today, actor.userId());
        }
        store.moveTo(row.id(), ApplicationStatus.DECIDED, null, today, actor.userId(), "NOT_PASSED");
        store.decided(row.id(), today, deadlines.reviewWindowEnd(today));
    }

    private static void reason(@Nullable String reason, String field, InvalidInput.Collector problems) {
        if (reason == null || reason.isBlank()) {
            problems.add(field, "REASON_REQUIRED");
        } else if (reason.strip().length() > MAX_REASON) {
            problems.add(field, "REASON_TOO_LONG", MAX_REASON);
        }
    }

    private ApplicationStore.Row load(UUID id, Actor actor) {
        return store.findWithin(id, actor.jurisdictionPath()).orElseThrow(() -> new NotFound("application"));
    }

    private static void requireStatus(ApplicationStore.Row row, ApplicationStatus expected) {
        if (row.status() != expected) {
            throw new Conflict("WRONG_STATUS", Map.of("status", row.status().name()));
        }
    }
}
