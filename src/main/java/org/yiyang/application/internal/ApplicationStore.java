package org.yiyang.application.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiyang.shared.WorkingDayCalendar;

/** Application rows; every read for a user is scoped to a jurisdiction path in SQL. */
@Repository
class ApplicationStore {
    private static final String COLUMNS = "id, person_id, residence_path::text as residence_path, channel, status,"
            + " submitted_on, submitted_by, due_on, due_approximate, assessment_id, assessment_received_on,"
            + " decided_on, review_window_ends_on";
    private final JdbcClient jdbc;

    ApplicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(UUID id, UUID personId, String residencePath, Channel channel, ApplicationStatus status,
               LocalDate submittedOn, UUID submittedBy, @Nullable LocalDate dueOn, boolean dueApproximate,
               @Nullable UUID assessmentId, @Nullable LocalDate assessmentReceivedOn, @Nullable LocalDate decidedOn,
               @Nullable LocalDate reviewWindowEndsOn) {
    }

    record Step(int seq, String step, LocalDate startedOn, @Nullable LocalDate dueOn, boolean dueApproximate,
                @Nullable LocalDate doneOn, @Nullable String outcome) {
    }

    record Decision(String round, String itemCode, String decision, byte @Nullable [] reasonEnc, byte[] traceEnc,
                    @Nullable Long monthlyAmountFen, String listVersion, LocalDate decidedOn) {
        @Override
        public String toString() {
            return "Decision[" + round + " " + itemCode + " " + decision + "]";
        }
    }

    record Attachment(UUID id, String materialCode, String contentType, int sizeBytes, String sha256,
                      Instant uploadedAt) {
    }

    record Grant(UUID id, String itemCode, @Nullable Long monthlyAmountFen, LocalDate validFrom,
                 @Nullable LocalDate validTo, @Nullable String endedReason) {
    }

    void insert(UUID id, UUID personId, String residencePath, Channel channel, LocalDate submittedOn, UUID by,
                Instant at, WorkingDayCalendar.Deadline due) {
        jdbc.sql("""
                insert into application (id, person_id, residence_path, channel, status, submitted_on, submitted_by,
                                         submitted_at, due_on, due_approximate)
                values (:id, :person, cast(:path as ltree), :channel, 'FIRST_CHECK', :on, :by, :at, :due, :approx)
                """).param("id", id).param("person", personId).param("path", residencePath)
                .param("channel", channel.name()).param("on", submittedOn).param("by", by).param("at", utc(at))
                .param("due", due.due()).param("approx", due.isApproximate()).update();
    }

    void insertItem(UUID id, String itemCode, @Nullable Boolean eligible) {
        jdbc.sql("insert into application_item (application_id, item_code, eligible_at_intake)"
                        + " values (:id, :item, :eligible)")
                .param("id", id).param("item", itemCode).param("eligible", eligible).update();
    }

    Optional<Row> findWithin(UUID id, String jurisdictionPath) {
        return jdbc.sql("select " + COLUMNS + " from application where id = :id"
                        + " and residence_path <@ cast(:path as ltree) for update")
                .param("id", id).param("path", jurisdictionPath).query(ApplicationStore::row).optional();
    }

    /** System read (event handling, jobs): not scoped to a user. */
    Optional<Row> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from application where id = :id for update")
                .param("id", id).query(ApplicationStore::row).optional();
    }

    List<Row> waitingFor(UUID personId) {
        return jdbc.sql("select " + COLUMNS + " from application where person_id = :p"
                        + " and status = 'WAITING_FOR_ASSESSMENT' for update")
                .param("p", personId).query(ApplicationStore::row).list();
    }

    /** The person's open applications that ask for one of the items. */
    List<String> openItems(UUID personId, List<String> items) {
        return jdbc.sql("select i.item_code from application a join application_item i on i.application_id = a.id"
                        + " where a.person_id = :p and a.status not in ('DECIDED', 'REVIEWED')"
                        + " and i.item_code in (:items)")
                .param("p", personId).param("items", items).query(String.class).list();
    }

    /**
     * Applications in the jurisdiction whose status is one of {@code statuses}, or (for supervisors) whose current
     * step is overdue on {@code today}; by due date.
     */
    List<Row> list(String jurisdictionPath, List<String> statuses, boolean overdueToo, LocalDate today, int limit,
                   long offset) {
        return jdbc.sql("select " + COLUMNS + " from application where residence_path <@ cast(:path as ltree)"
                        + " and (status in (:statuses) or (:overdue and due_on < :today))"
                        + " order by due_on nulls last, submitted_at limit :limit offset :offset")
                .param("path", jurisdictionPath).param("statuses", statuses).param("overdue", overdueToo)
                .param("today", today).param("limit", limit).param("offset", offset)
                .query(ApplicationStore::row).list();
    }

    List<String> items(UUID id) {
        return jdbc.sql("select item_code from application_item where application_id = :id order by item_code")
                .param("id", id).query(String.class).list();
    }

    List<ItemAtIntake> itemsAtIntake(UUID id) {
        return jdbc.sql("select item_code, eligible_at_intake from application_item where application_id = :id"
                        + " order by item_code")
                .param("id", id).query((rs, n) -> new ItemAtIntake(rs.getString(1),
                        (Boolean) rs.getObject(2))).list();
    }

    record ItemAtIntake(String itemCode, @Nullable Boolean eligibleAtIntake) {
    }

    /** Moves to a status with the due date of its step; the open step is closed and a new one opened. */
    void moveTo(UUID id, ApplicationStatus status, WorkingDayCalendar.@Nullable Deadline due, LocalDate on,
                @Nullable UUID by, String outcome) {
        jdbc.sql("update application_step set done_on = :on, done_by = :by, outcome = :outcome"
                        + " where application_id = :id and done_on is null")
                .param("on", on).param("by", by).param("outcome", outcome).param("id", id).update();
        jdbc.sql("update application set status = :status, due_on = :due, due_approximate = :approx,"
                        + " escalated_status = null where id = :id")
                .param("status", status.name()).param("due", due == null ? null : due.due())
                .param("approx", due != null && due.isApproximate()).param("id", id).update();
        if (status.open()) {
            openStep(id, status, on, due);
        }
    }

    void openStep(UUID id, ApplicationStatus status, LocalDate on, WorkingDayCalendar.@Nullable Deadline due) {
        jdbc.sql("""
                insert into application_step (application_id, seq, step, started_on, due_on, due_approximate)
                values (:id, (select coalesce(max(seq), 0) + 1 from application_step where application_id = :id),
                        :step, :on, :due, :approx)
                """).param("id", id).param("step", status.name()).param("on", on)
                .param("due", due == null ? null : due.due()).param("approx", due != null && due.isApproximate())
                .update();
    }

    List<Step> steps(UUID id) {
        return jdbc.sql("select seq, step, started_on, due_on, due_approximate, done_on, outcome"
                        + " from application_step where application_id = :id order by seq")
                .param("id", id).query((rs, n) -> new Step(rs.getInt("seq"), rs.getString("step"),
                        rs.getObject("started_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                        rs.getBoolean("due_approximate"), rs.getObject("done_on", LocalDate.class),
                        rs.getString("outcome"))).list();
    }

    void assessment(UUID id, UUID assessmentId, @Nullable LocalDate receivedOn) {
        jdbc.sql("update application set assessment_id = :a, assessment_received_on = :on where id = :id")
                .param("a", assessmentId).param("on", receivedOn).param("id", id).update();
    }

    void decided(UUID id, LocalDate on, LocalDate reviewWindowEnd) {
        jdbc.sql("update application set decided_on = :on, review_window_ends_on = :end where id = :id")
                .param("on", on).param("end", reviewWindowEnd).param("id", id).update();
    }

    void insertDecision(UUID id, String round, String item, String decision, byte @Nullable [] reasonEnc,
                        byte[] traceEnc, @Nullable Long monthlyFen, String listVersion, LocalDate on, UUID by) {
        jdbc.sql("""
                insert into application_decision (application_id, round, item_code, decision, reason_enc, trace_enc,
                                                  monthly_amount_fen, list_version, decided_on, decided_by)
                values (:id, :round, :item, :decision, :reason, :trace, :fen, :version, :on, :by)
                """).param("id", id).param("round", round).param("item", item).param("decision", decision)
                .param("reason", reasonEnc).param("trace", traceEnc).param("fen", monthlyFen)
                .param("version", listVersion).param("on", on).param("by", by).update();
    }

    List<Decision> decisions(UUID id) {
        return jdbc.sql("select round, item_code, decision, reason_enc, trace_enc, monthly_amount_fen, list_version,"
                        + " decided_on from application_decision where application_id = :id"
                        + " order by round, item_code")
                .param("id", id).query((rs, n) -> new Decision(rs.getString("round"), rs.getString("item_code"),
                        rs.getString("decision"), rs.getBytes("reason_enc"), rs.getBytes("trace_enc"),
                        (Long) rs.getObject("monthly_amount_fen"), rs.getString("list_version"),
                        rs.getObject("decided_on", LocalDate.class))).list();
    }

    void insertReview(UUID id, LocalDate on, UUID by, byte[] reasonEnc) {
        jdbc.sql("insert into application_review (application_id, requested_on, recorded_by, reason_enc)"
                        + " values (:id, :on, :by, :reason)")
                .param("id", id).param("on", on).param("by", by).param("reason", reasonEnc).update();
    }

    Optional<LocalDate> reviewRequestedOn(UUID id) {
        return jdbc.sql("select requested_on from application_review where application_id = :id")
                .param("id", id).query(LocalDate.class).optional();
    }

    void insertAttachment(UUID id, UUID applicationId, String material, String contentType, int size, String sha256,
                          byte[] contentEnc, UUID by, Instant at) {
        jdbc.sql("""
                insert into application_attachment (id, application_id, material_code, content_type, size_bytes,
                                                    sha256, content_enc, uploaded_by, uploaded_at)
                values (:id, :app, :material, :type, :size, :sha, :content, :by, :at)
                """).param("id", id).param("app", applicationId).param("material", material)
                .param("type", contentType).param("size", size).param("sha", sha256).param("content", contentEnc)
                .param("by", by).param("at", utc(at)).update();
    }

    List<Attachment> attachments(UUID applicationId) {
        return jdbc.sql("select id, material_code, content_type, size_bytes, sha256, uploaded_at"
                        + " from application_attachment where application_id = :id order by uploaded_at")
                .param("id", applicationId).query((rs, n) -> new Attachment(rs.getObject("id", UUID.class),
                        rs.getString("material_code"), rs.getString("content_type"), rs.getInt("size_bytes"),
                        rs.getString("sha256"), rs.getTimestamp("uploaded_at").toInstant())).list();
    }

    Optional<Content> attachmentContent(UUID applicationId, UUID attachmentId) {
        return jdbc.sql("select content_type, content_enc from application_attachment"
                        + " where application_id = :app and id = :id")
                .param("app", applicationId).param("id", attachmentId)
                .query((rs, n) -> new Content(rs.getString(1), rs.getBytes(2))).optional();
    }

    record Content(String contentType, byte[] contentEnc) {
    }

    void insertGrant(UUID applicationId, UUID personId, String residencePath, String item, @Nullable Long monthlyFen,
                     LocalDate from) {
        jdbc.sql("""
                insert into application_grant (id, application_id, person_id, residence_path, item_code,
                                               monthly_amount_fen, valid_from)
                values (:id, :app, :person, cast(:path as ltree), :item, :fen, :from)
                """).param("id", UUID.randomUUID()).param("app", applicationId).param("person", personId)
                .param("path", residencePath).param("item", item).param("fen", monthlyFen).param("from", from)
                .update();
    }

    /** Ends the application's open grant of an item the day before {@code from} (a review reversed it). */
    void endGrant(UUID applicationId, String item, LocalDate from, String reason) {
        jdbc.sql("update application_grant set valid_to = greatest(valid_from - 1, cast(:from as date) - 1),"
                        + " ended_reason = :reason where application_id = :app and item_code = :item"
                        + " and valid_to is null")
                .param("from", from).param("reason", reason).param("app", applicationId).param("item", item)
                .update();
    }

    List<Grant> grants(UUID applicationId) {
        return jdbc.sql("select id, item_code, monthly_amount_fen, valid_from, valid_to, ended_reason"
                        + " from application_grant where application_id = :id order by item_code, valid_from")
                .param("id", applicationId).query((rs, n) -> new Grant(rs.getObject("id", UUID.class),
                        rs.getString("item_code"), (Long) rs.getObject("monthly_amount_fen"),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                        rs.getString("ended_reason"))).list();
    }

    /** Open applications whose step was due before {@code today} and not yet escalated; marks them escalated. */
    List<Row> escalateOverdue(LocalDate today) {
        return jdbc.sql("update application set escalated_status = status where due_on < :today"
                        + " and status not in ('DECIDED', 'REVIEWED') and escalated_status is distinct from status"
                        + " returning " + COLUMNS)
                .param("today", today).query(ApplicationStore::row).list();
    }

    /**
     * Ends every running grant of a person who has died, on the day of death (nothing is due from the next day),
     * reading the person module's published {@code person_fact} view. Returns the number of grants ended.
     */
    int endGrantsOfTheDeceased() {
        return jdbc.sql("""
                update application_grant g set valid_to = greatest(g.valid_from - 1, f.death_date),
                       ended_reason = 'DEATH'
                from person_fact f
                where f.person_id = g.person_id and f.death_date is not null
                  and (g.valid_to is null or g.valid_to > greatest(g.valid_from - 1, f.death_date))
                """).update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getString("residence_path"), Channel.valueOf(rs.getString("channel")),
                ApplicationStatus.valueOf(rs.getString("status")), rs.getObject("submitted_on", LocalDate.class),
                rs.getObject("submitted_by", UUID.class), rs.getObject("due_on", LocalDate.class),
                rs.getBoolean("due_approximate"), rs.getObject("assessment_id", UUID.class),
                rs.getObject("assessment_received_on", LocalDate.class),
                rs.getObject("decided_on", LocalDate.class), rs.getObject("review_window_ends_on", LocalDate.class));
    }
}
