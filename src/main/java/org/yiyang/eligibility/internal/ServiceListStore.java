package org.yiyang.eligibility.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Service-list versions and social-assistance standards in the database. */
@Repository
class ServiceListStore {
    private static final String COLUMNS = "code, year, doc_no, issuer, effective_from, effective_to, status,"
            + " document::text as document, document_sha256, shipped, created_at, activated_at";

    private final JdbcClient jdbc;

    ServiceListStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored version: its header columns and the document as submitted. */
    record Row(String code, int year, String docNo, String issuer, LocalDate effectiveFrom,
               @Nullable LocalDate effectiveTo, String status, String document, String sha256, boolean shipped,
               Instant createdAt, @Nullable Instant activatedAt) {
    }

    boolean exists(String code) {
        return jdbc.sql("select count(*) from service_list_version where code = :code").param("code", code)
                .query(Integer.class).single() > 0;
    }

    void insert(Row row, @Nullable UUID createdBy) {
        jdbc.sql("insert into service_list_version (code, year, doc_no, issuer, effective_from, effective_to, status,"
                        + " document, document_sha256, shipped, created_by, activated_at)"
                        + " values (:code, :year, :docNo, :issuer, :from, :to, :status, cast(:document as jsonb),"
                        + " :sha, :shipped, :createdBy, :activatedAt)")
                .param("code", row.code()).param("year", row.year()).param("docNo", row.docNo())
                .param("issuer", row.issuer()).param("from", row.effectiveFrom()).param("to", row.effectiveTo())
                .param("status", row.status()).param("document", row.document()).param("sha", row.sha256())
                .param("shipped", row.shipped()).param("createdBy", createdBy)
                .param("activatedAt", row.activatedAt() == null ? null : Timestamp.from(row.activatedAt()))
                .update();
    }

    Optional<Row> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from service_list_version where code = :code").param("code", code)
                .query(ServiceListStore::row).optional();
    }

    List<Row> all() {
        return jdbc.sql("select " + COLUMNS + " from service_list_version order by effective_from desc, code")
                .query(ServiceListStore::row).list();
    }

    /** The active version in force on the day: the one with the latest effective date whose period holds it. */
    Optional<Row> inForce(LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from service_list_version where status = 'ACTIVE'"
                        + " and effective_from <= :day and (effective_to is null or effective_to >= :day)"
                        + " order by effective_from desc, activated_at desc limit 1")
                .param("day", day).query(ServiceListStore::row).optional();
    }

    /** Activates a draft; false when it is not (or no longer) a draft. */
    boolean activate(String code, UUID by, Instant at) {
        return jdbc.sql("update service_list_version set status = 'ACTIVE', activated_by = :by, activated_at = :at"
                        + " where code = :code and status = 'DRAFT'")
                .param("code", code).param("by", by).param("at", Timestamp.from(at)).update() == 1;
    }

    /** The latest standard of a kind (e.g. DIBAO) in force on the day. */
    Optional<Standard> standard(String kind, LocalDate day) {
        return jdbc.sql("select kind, amount_fen, effective_from, doc_no, document_ends_on"
                        + " from social_assistance_standard where kind = :kind and effective_from <= :day"
                        + " order by effective_from desc limit 1")
                .param("kind", kind).param("day", day)
                .query((rs, n) -> new Standard(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getObject(5, LocalDate.class)))
                .optional();
    }

    void insertStandardIfAbsent(Standard s) {
        jdbc.sql("insert into social_assistance_standard (kind, amount_fen, effective_from, doc_no, document_ends_on)"
                        + " values (:kind, :amount, :from, :docNo, :ends) on conflict do nothing")
                .param("kind", s.kind()).param("amount", s.amountFen()).param("from", s.effectiveFrom())
                .param("docNo", s.docNo()).param("ends", s.documentEndsOn()).update();
    }

    /** A published social-assistance standard, per person and month. */
    record Standard(String kind, long amountFen, LocalDate effectiveFrom, String docNo,
                    @Nullable LocalDate documentEndsOn) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp activated = rs.getTimestamp("activated_at");
        return new Row(rs.getString("code"), rs.getInt("year"), rs.getString("doc_no"), rs.getString("issuer"),
                rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class),
                rs.getString("status"), rs.getString("document"), rs.getString("document_sha256"),
                rs.getBoolean("shipped"), rs.getTimestamp("created_at").toInstant(),
                activated == null ? null : activated.toInstant());
    }
}
