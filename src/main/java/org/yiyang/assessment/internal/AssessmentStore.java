package org.yiyang.assessment.internal;

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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Assessment rows; every read for a user is scoped to a jurisdiction path in SQL. */
@Repository
class AssessmentStore {
    private static final String COLUMNS = "id, person_id, residence_path::text as residence_path, instrument, reason,"
            + " review_of, status, assessor_1, assessor_2, answers_enc, total, computed_level, final_level,"
            + " overridden_by, override_reason_enc, valid_from, valid_to, agency_id, visited_at, visit_enc, entered_grade,"
            + " immediate_cause";
    private final JdbcClient jdbc;

    AssessmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(UUID id, UUID personId, String residencePath, String instrument, AssessmentReason reason,
               @Nullable UUID reviewOf, AssessmentStatus status, @Nullable UUID assessor1, @Nullable UUID assessor2,
               byte @Nullable [] answersEnc, @Nullable Integer total, @Nullable Integer computedLevel,
               @Nullable Integer finalLevel, @Nullable UUID overriddenBy, byte @Nullable [] overrideReasonEnc,
               @Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable UUID agencyId,
               @Nullable Instant visitedAt, byte @Nullable [] visitEnc, @Nullable Integer enteredGrade,
               @Nullable String immediateCause) {

        boolean assigned(UUID user) {
            return user.equals(assessor1) || user.equals(assessor2);
        }

        @Override
        public String toString() {
            return "Assessment[" + id + " " + status + "]"; // no health details
        }
    }

    void insert(UUID id, UUID personId, String residencePath, String instrument, AssessmentReason reason,
                @Nullable UUID reviewOf, @Nullable UUID requestedBy, Instant at) {
        insert(id, personId, residencePath, instrument, reason, reviewOf, null, requestedBy, at);
    }

    void insert(UUID id, UUID personId, String residencePath, String instrument, AssessmentReason reason,
                @Nullable UUID reviewOf, @Nullable String immediateCause, @Nullable UUID requestedBy, Instant at) {
        jdbc.sql("""
                insert into assessment (id, person_id, residence_path, instrument, reason, review_of, immediate_cause,
                                        status, requested_by, requested_at)
                values (:id, :person, cast(:path as ltree), :instrument, :reason, :reviewOf, :cause, 'REQUESTED', :by,
                        :at)
                """).param("id", id).param("person", personId).param("path", residencePath)
                .param("instrument", instrument).param("reason", reason.name()).param("reviewOf", reviewOf)
                .param("cause", immediateCause).param("by", requestedBy).param("at", utc(at)).update();
    }

    /** The residence path copied onto the person's latest assessment (system requests follow it). */
    Optional<String> lastResidencePath(UUID personId) {
        return jdbc.sql("select residence_path::text from assessment where person_id = :p"
                        + " order by requested_at desc limit 1")
                .param("p", personId).query(String.class).optional();
    }

    /** The person's open assessment with the instrument, anywhere (system use: an immediate request joins it). */
    Optional<UUID> openAnywhere(UUID personId, String instrument) {
        return jdbc.sql("select id from assessment where person_id = :p and instrument = :instrument"
                        + " and status in ('REQUESTED', 'ASSIGNED', 'DRAFT', 'SUBMITTED') order by requested_at limit 1")
                .param("p", personId).param("instrument", instrument).query(UUID.class).optional();
    }

    void recordVisit(UUID id, Instant at, byte[] visitEnc) {
        jdbc.sql("update assessment set visited_at = :at, visit_enc = :enc where id = :id")
                .param("at", utc(at)).param("enc", visitEnc).param("id", id).update();
    }

    List<UUID> servingProviders(UUID id) {
        return jdbc.sql("select provider_id from assessment_serving_provider where assessment_id = :id")
                .param("id", id).query(UUID.class).list();
    }

    Optional<Row> findWithin(UUID id, String jurisdictionPath) {
        return jdbc.sql("select " + COLUMNS + " from assessment where id = :id"
                        + " and residence_path <@ cast(:path as ltree) for update")
                .param("id", id).param("path", jurisdictionPath).query(AssessmentStore::row).optional();
    }

    /** The person's open assessment with the instrument (requested, not yet effective), within the jurisdiction. */
    Optional<UUID> openFor(UUID personId, String instrument, String jurisdictionPath) {
        return jdbc.sql("select id from assessment where person_id = :p and instrument = :instrument"
                        + " and status in ('REQUESTED', 'ASSIGNED', 'DRAFT', 'SUBMITTED')"
                        + " and residence_path <@ cast(:path as ltree) order by requested_at limit 1")
                .param("p", personId).param("instrument", instrument).param("path", jurisdictionPath)
                .query(UUID.class).optional();
    }

    /** The assessments an assessor is assigned to and that still need work, within the jurisdiction. */
    List<Row> worklist(UUID assessor, String jurisdictionPath) {
        return jdbc.sql("select " + COLUMNS + " from assessment where (assessor_1 = :a or assessor_2 = :a)"
                        + " and status in ('ASSIGNED', 'DRAFT', 'SUBMITTED')"
                        + " and residence_path <@ cast(:path as ltree) order by requested_at")
                .param("a", assessor).param("path", jurisdictionPath).query(AssessmentStore::row).list();
    }

    /** A person's assessments, newest first, within the jurisdiction. */
    List<Row> history(UUID personId, String jurisdictionPath) {
        return jdbc.sql("select " + COLUMNS + " from assessment where person_id = :p"
                        + " and residence_path <@ cast(:path as ltree) order by requested_at desc")
                .param("p", personId).param("path", jurisdictionPath).query(AssessmentStore::row).list();
    }

    void assign(UUID id, UUID agencyId, UUID assessor1, UUID assessor2, java.util.Set<UUID> servingProviders) {
        jdbc.sql("update assessment set agency_id = :agency, assessor_1 = :a1, assessor_2 = :a2, status = 'ASSIGNED'"
                        + " where id = :id")
                .param("agency", agencyId).param("a1", assessor1).param("a2", assessor2).param("id", id).update();
        jdbc.sql("delete from assessment_serving_provider where assessment_id = :id").param("id", id).update();
        for (UUID provider : servingProviders) {
            jdbc.sql("insert into assessment_serving_provider (assessment_id, provider_id) values (:id, :p)")
                    .param("id", id).param("p", provider).update();
        }
    }

    void saveDraft(UUID id, byte[] answersEnc, int total) {
        jdbc.sql("update assessment set answers_enc = :enc, total = :total, status = 'DRAFT' where id = :id")
                .param("enc", answersEnc).param("total", total).param("id", id).update();
    }

    void submit(UUID id, byte[] answersEnc, int total, @Nullable Integer computedLevel, @Nullable Integer finalLevel,
                @Nullable Integer enteredGrade, Instant at) {
        jdbc.sql("""
                update assessment set answers_enc = :enc, total = :total, computed_level = :computed,
                       final_level = :final, entered_grade = :grade, overridden_by = null, override_reason_enc = null,
                       status = 'SUBMITTED', submitted_at = :at where id = :id
                """).param("enc", answersEnc).param("total", total).param("computed", computedLevel)
                .param("final", finalLevel).param("grade", enteredGrade).param("at", utc(at)).param("id", id)
                .update();
        clearSignatures(id);
    }

    void override(UUID id, int level, UUID by, byte[] reasonEnc) {
        jdbc.sql("update assessment set final_level = :level, overridden_by = :by, override_reason_enc = :reason"
                        + " where id = :id")
                .param("level", level).param("by", by).param("reason", reasonEnc).param("id", id).update();
        clearSignatures(id);
    }

    /** Records a signature; false when this assessor has already signed. */
    boolean sign(UUID id, UUID assessor, Instant at) {
        try {
            jdbc.sql("insert into assessment_signature (assessment_id, assessor_id, signed_at) values (:id, :a, :at)")
                    .param("id", id).param("a", assessor).param("at", utc(at)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    List<UUID> signatures(UUID id) {
        return jdbc.sql("select assessor_id from assessment_signature where assessment_id = :id order by signed_at")
                .param("id", id).query(UUID.class).list();
    }

    private void clearSignatures(UUID id) {
        jdbc.sql("delete from assessment_signature where assessment_id = :id").param("id", id).update();
    }

    /** Makes the assessment the person's effective result; an earlier effective result ends the day before. */
    void makeEffective(UUID id, UUID personId, LocalDate from, LocalDate to, Instant at) {
        jdbc.sql("""
                update assessment set status = 'SUPERSEDED', valid_to = greatest(valid_from, :from - 1)
                where person_id = :person and status = 'EFFECTIVE' and id <> :id
                  and instrument = (select instrument from assessment where id = :id)
                """).param("from", from).param("person", personId).param("id", id).update();
        jdbc.sql("update assessment set status = 'EFFECTIVE', valid_from = :from, valid_to = :to, effective_at = :at"
                        + " where id = :id")
                .param("from", from).param("to", to).param("at", utc(at)).param("id", id).update();
    }

    /** The person's result valid on the day (system read for other modules; not scoped to a user). */
    Optional<Row> validOn(UUID personId, LocalDate on) {
        return jdbc.sql("select " + COLUMNS + " from assessment where person_id = :p"
                        + " and status in ('EFFECTIVE', 'EXPIRED', 'SUPERSEDED') and final_level is not null"
                        + " and valid_from <= :on and :on <= valid_to"
                        + " order by valid_from desc, effective_at desc limit 1")
                .param("p", personId).param("on", on).query(AssessmentStore::row).optional();
    }

    /** Marks effective results whose last valid day is before {@code today} as expired; returns them. */
    List<Row> expireBefore(LocalDate today) {
        return jdbc.sql("update assessment set status = 'EXPIRED' where status = 'EFFECTIVE' and valid_to < :today"
                        + " returning " + COLUMNS)
                .param("today", today).query(AssessmentStore::row).list();
    }

    /**
     * Effective results of an instrument whose last valid day is at most {@code noticeDays} away and whose person has
     * no open assessment yet: they are due for a routine reassessment.
     */
    List<Row> dueForRoutine(String instrument, LocalDate today, int noticeDays) {
        return jdbc.sql("select " + COLUMNS + " from assessment a where a.instrument = :instrument"
                        + " and a.status = 'EFFECTIVE' and a.valid_to <= cast(:today as date) + :days"
                        + " and not exists (select 1 from assessment o where o.person_id = a.person_id"
                        + " and o.status in ('REQUESTED', 'ASSIGNED', 'DRAFT', 'SUBMITTED'))")
                .param("instrument", instrument).param("today", today).param("days", noticeDays)
                .query(AssessmentStore::row).list();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getString("residence_path"), rs.getString("instrument"),
                AssessmentReason.valueOf(rs.getString("reason")), rs.getObject("review_of", UUID.class),
                AssessmentStatus.valueOf(rs.getString("status")), rs.getObject("assessor_1", UUID.class),
                rs.getObject("assessor_2", UUID.class), rs.getBytes("answers_enc"),
                (Integer) rs.getObject("total"), intOrNull(rs, "computed_level"), intOrNull(rs, "final_level"),
                rs.getObject("overridden_by", UUID.class), rs.getBytes("override_reason_enc"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getObject("agency_id", UUID.class), instantOrNull(rs, "visited_at"), rs.getBytes("visit_enc"),
                intOrNull(rs, "entered_grade"), rs.getString("immediate_cause"));
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime v = rs.getObject(column, OffsetDateTime.class);
        return v == null ? null : v.toInstant();
    }

    private static @Nullable Integer intOrNull(ResultSet rs, String column) throws SQLException {
        Object v = rs.getObject(column);
        return v == null ? null : ((Number) v).intValue();
    }
}
