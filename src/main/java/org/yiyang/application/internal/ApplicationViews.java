package org.yiyang.application.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.yiyang.eligibility.EligibilityAnswer.TraceClause;

/** What the API and pages show of applications: ids, codes, dates and decisions; never the person's ID data. */
public final class ApplicationViews {
    private ApplicationViews() {
    }

    /** A new application as submitted. */
    public record NewApplication(@Nullable UUID personId, @Nullable String channel, @Nullable List<String> items) {
    }

    /** The outcome of the street's first check; a failed check needs a reason and rejects every item. */
    public record FirstCheck(@Nullable Boolean passed, @Nullable String reason) {
        @Override
        public String toString() {
            return "FirstCheck[" + passed + "]";
        }
    }

    /** The decision on one item: GRANTED or REJECTED, the latter with a reason. */
    public record ItemDecision(@Nullable String item, @Nullable String decision, @Nullable String reason) {
        @Override
        public String toString() {
            return "ItemDecision[" + item + " " + decision + "]";
        }
    }

    /** One application in full. */
    public record ApplicationView(UUID id, UUID personId, String channel, String status, LocalDate submittedOn,
                                  @Nullable LocalDate dueOn, boolean dueApproximate, boolean overdue,
                                  @Nullable UUID assessmentId, @Nullable LocalDate assessmentReceivedOn,
                                  List<ItemView> items, List<MaterialView> checklist, List<StepView> steps,
                                  List<AttachmentView> attachments, @Nullable Notice notice,
                                  List<GrantView> grants) {
    }

    /** A line of a worklist. */
    public record ApplicationSummary(UUID id, UUID personId, String personName, String status, LocalDate submittedOn,
                                     @Nullable LocalDate dueOn, boolean dueApproximate, boolean overdue,
                                     List<String> items) {
        @Override
        public String toString() {
            return "ApplicationSummary[" + id + " " + status + "]";
        }
    }

    /** An item asked for: eligibility at intake, and the decision in force (after a review, the review's). */
    public record ItemView(String item, String name, @Nullable Boolean eligibleAtIntake, @Nullable String decision,
                           @Nullable String reason, @Nullable Long monthlyAmountFen, @Nullable String listVersion,
                           List<TraceClause> trace, @Nullable String firstDecision) {
        public ItemView {
            trace = List.copyOf(trace);
        }

        @Override
        public String toString() {
            return "ItemView[" + item + " " + decision + "]";
        }
    }

    /** A material of the checklist and whether an attachment of it is stored. */
    public record MaterialView(String code, String name, boolean attached) {
    }

    /** A step with its due date (approximate when a year's holiday schedule is missing). */
    public record StepView(String step, LocalDate startedOn, @Nullable LocalDate dueOn, boolean dueApproximate,
                           @Nullable LocalDate doneOn, @Nullable String outcome, boolean overdue) {
    }

    public record AttachmentView(UUID id, String material, String contentType, int sizeBytes, String sha256,
                                 Instant uploadedAt) {
    }

    /**
     * The decision notice: the decisions with their reasons, and the applicant's rights with their last days. A
     * period from a local default (not in the texts obtained) says so.
     */
    public record Notice(LocalDate noticeOn, LocalDate reviewRequestBy, boolean reviewWindowLocalDefault,
                         int reviewDecisionWorkingDays, LocalDate administrativeReviewBy,
                         int administrativeReviewDays, boolean administrativeReviewLocalDefault,
                         LocalDate litigationBy, int litigationMonths, boolean litigationLocalDefault,
                         String basis) {
    }

    public record GrantView(UUID id, String item, @Nullable Long monthlyAmountFen, LocalDate validFrom,
                            @Nullable LocalDate validTo, @Nullable String endedReason) {
    }
}
