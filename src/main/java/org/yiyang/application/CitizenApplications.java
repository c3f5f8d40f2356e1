package org.yiyang.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.yiyang.shared.Actor;

/**
 * A citizen's read of applications (ADR 0008): those of a person in the citizen's scope today, joined to the person
 * module's published {@code citizen_scope} in SQL. Statuses, due dates, decisions with their reasons and the notice
 * with the applicant's rights; no staff notes, attachments' content or traces.
 */
public interface CitizenApplications {

    /**
     * The person's applications, newest first; {@link org.yiyang.shared.NotFound} when the person is not in the
     * citizen's scope. CITIZEN role only; audited with ids.
     */
    List<CitizenApplication> ofPerson(UUID personId, Actor actor);

    /**
     * Applies online for a person in the citizen's scope: ONLINE_SELF for themselves, ONLINE_AGENT for a person who
     * authorised them. The same checks and workflow as at the street office; {@link org.yiyang.shared.NotFound} for
     * anyone outside the scope; CITIZEN role only. Answers the application's id.
     */
    UUID apply(UUID personId, List<String> items, Actor actor);

    /** One application as its applicant sees it. */
    record CitizenApplication(UUID id, String channel, String status, LocalDate submittedOn,
                              @Nullable LocalDate dueOn, boolean dueApproximate, boolean overdue,
                              List<Item> items, @Nullable Notice notice, List<Grant> grants) {
        public CitizenApplication {
            items = List.copyOf(items);
            grants = List.copyOf(grants);
        }
    }

    /** An item asked for and the decision in force on it (after a review, the review's), with its reason. */
    record Item(String item, @Nullable String decision, @Nullable String reason, @Nullable Long monthlyAmountFen) {
        @Override
        public String toString() {
            return "Item[" + item + " " + decision + "]";
        }
    }

    /** The decision notice: the applicant's rights and their last days. */
    record Notice(LocalDate noticeOn, LocalDate reviewRequestBy, int reviewDecisionWorkingDays,
                  LocalDate administrativeReviewBy, int administrativeReviewDays, LocalDate litigationBy,
                  int litigationMonths, String basis) {
    }

    /** A grant: item, monthly amount and period. */
    record Grant(String item, @Nullable Long monthlyAmountFen, LocalDate validFrom, @Nullable LocalDate validTo) {
    }
}
