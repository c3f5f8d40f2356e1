package org.yiyang.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Assessment agencies and their assessors. An agency is visible to a user whose jurisdiction lies within the agency's
 * region or contains it (a city-wide agency works for every district; a district's agency is not seen by another
 * district), always decided in SQL.
 */
@Repository
class AgencyStore {
    private static final String VISIBLE = " (region_path <@ cast(:path as ltree) or cast(:path as ltree) <@ region_path)";
    private final JdbcClient jdbc;

    AgencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Agency(UUID id, String name, String creditCode, String regionCode, String regionPath) {
    }

    record Assessor(UUID userId, UUID agencyId, String certificateNo, LocalDate qualifiedFrom, LocalDate qualifiedTo,
                    @Nullable UUID employerProviderId) {
        boolean qualifiedOn(LocalDate day) {
            return !day.isBefore(qualifiedFrom) && !day.isAfter(qualifiedTo);
        }
    }

    void insertAgency(UUID id, String name, String creditCode, String regionCode, String regionPath, UUID by,
                      Instant at) {
        jdbc.sql("""
                insert into assessment_agency (id, name, credit_code, region_code, region_path, created_by, created_at)
                values (:id, :name, :code, :region, cast(:path as ltree), :by, :at)
                """).param("id", id).param("name", name).param("code", creditCode).param("region", regionCode)
                .param("path", regionPath).param("by", by).param("at", at.atOffset(ZoneOffset.UTC)).update();
    }

    boolean creditCodeTaken(String creditCode) {
        return jdbc.sql("select count(*) from assessment_agency where credit_code = :c").param("c", creditCode)
                .query(Long.class).single() > 0;
    }

    Optional<Agency> visible(UUID id, String jurisdictionPath) {
        return jdbc.sql("select id, name, credit_code, region_code, region_path::text as region_path"
                        + " from assessment_agency where id = :id and" + VISIBLE)
                .param("id", id).param("path", jurisdictionPath).query(AgencyStore::agency).optional();
    }

    /** An agency the user may manage: its region lies within the user's jurisdiction. */
    Optional<Agency> managed(UUID id, String jurisdictionPath) {
        return jdbc.sql("select id, name, credit_code, region_code, region_path::text as region_path"
                        + " from assessment_agency where id = :id and region_path <@ cast(:path as ltree)")
                .param("id", id).param("path", jurisdictionPath).query(AgencyStore::agency).optional();
    }

    List<Agency> visibleAll(String jurisdictionPath) {
        return jdbc.sql("select id, name, credit_code, region_code, region_path::text as region_path"
                        + " from assessment_agency where" + VISIBLE + " order by name, id")
                .param("path", jurisdictionPath).query(AgencyStore::agency).list();
    }

    /** Whether the region path lies within the agency's region (the agency serves residents living there). */
    boolean serves(UUID agencyId, String residencePath) {
        return jdbc.sql("select count(*) from assessment_agency where id = :id"
                        + " and cast(:path as ltree) <@ region_path")
                .param("id", agencyId).param("path", residencePath).query(Long.class).single() > 0;
    }

    void upsertAssessor(Assessor a, Set<UUID> relatives, UUID by, Instant at) {
        jdbc.sql("""
                insert into assessment_assessor (user_id, agency_id, certificate_no, qualified_from, qualified_to,
                                                 employer_provider_id, updated_by, updated_at)
                values (:user, :agency, :cert, :from, :to, :employer, :by, :at)
                on conflict (user_id) do update set agency_id = excluded.agency_id,
                    certificate_no = excluded.certificate_no, qualified_from = excluded.qualified_from,
                    qualified_to = excluded.qualified_to, employer_provider_id = excluded.employer_provider_id,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """).param("user", a.userId()).param("agency", a.agencyId()).param("cert", a.certificateNo())
                .param("from", a.qualifiedFrom()).param("to", a.qualifiedTo())
                .param("employer", a.employerProviderId()).param("by", by).param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("delete from assessment_assessor_relative where assessor_id = :a").param("a", a.userId()).update();
        for (UUID person : relatives) {
            jdbc.sql("insert into assessment_assessor_relative (assessor_id, person_id) values (:a, :p)")
                    .param("a", a.userId()).param("p", person).update();
        }
    }

    Optional<Assessor> assessor(UUID userId) {
        return jdbc.sql("select user_id, agency_id, certificate_no, qualified_from, qualified_to, employer_provider_id"
                        + " from assessment_assessor where user_id = :u")
                .param("u", userId).query(AgencyStore::assessor).optional();
    }

    /** The assessor's agency if it is not the given one (an assessor belongs to one agency at a time). */
    Optional<UUID> agencyOf(UUID userId) {
        return jdbc.sql("select agency_id from assessment_assessor where user_id = :u").param("u", userId)
                .query(UUID.class).optional();
    }

    List<Assessor> assessorsOf(UUID agencyId) {
        return jdbc.sql("select user_id, agency_id, certificate_no, qualified_from, qualified_to, employer_provider_id"
                        + " from assessment_assessor where agency_id = :a order by certificate_no")
                .param("a", agencyId).query(AgencyStore::assessor).list();
    }

    boolean isRelative(UUID assessor, UUID person) {
        return jdbc.sql("select count(*) from assessment_assessor_relative where assessor_id = :a and person_id = :p")
                .param("a", assessor).param("p", person).query(Long.class).single() > 0;
    }

    int relativeCount(UUID assessor) {
        return jdbc.sql("select count(*) from assessment_assessor_relative where assessor_id = :a")
                .param("a", assessor).query(Integer.class).single();
    }

    private static Agency agency(ResultSet rs, int n) throws SQLException {
        return new Agency(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("credit_code"),
                rs.getString("region_code"), rs.getString("region_path"));
    }

    private static Assessor assessor(ResultSet rs, int n) throws SQLException {
        return new Assessor(rs.getObject("user_id", UUID.class), rs.getObject("agency_id", UUID.class),
                rs.getString("certificate_no"), rs.getObject("qualified_from", LocalDate.class),
                rs.getObject("qualified_to", LocalDate.class), rs.getObject("employer_provider_id", UUID.class));
    }
}
