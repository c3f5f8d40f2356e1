package org.yiyang.facility.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.yiyang.facility.FacilityBulkWriter;

/** Batched inserts of 500 rows per round trip, in the caller's transaction. */
@Component
class JdbcFacilityBulkWriter implements FacilityBulkWriter {
    private static final int BATCH = 500;
    private final JdbcTemplate jdbc;

    JdbcFacilityBulkWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long writeProviders(List<NewProvider> providers) {
        jdbc.batchUpdate("insert into provider (id, name, credit_code, ownership, demo) values (?, ?, ?, ?, ?)",
                providers, BATCH, (ps, p) -> {
                    ps.setObject(1, p.id());
                    ps.setString(2, p.name());
                    ps.setString(3, p.creditCode().value());
                    ps.setString(4, p.ownership().name());
                    ps.setBoolean(5, p.demo());
                });
        return providers.size();
    }

    @Override
    public long writeFacilities(List<NewFacility> facilities) {
        jdbc.batchUpdate("""
                        insert into facility (id, provider_id, name, type, level, region_code, region_path, address,
                                              latitude, longitude, floor_area_m2, beds_total, beds_occupied,
                                              opening_hours, services, demo)
                        values (?, ?, ?, ?, ?, ?, cast(? as ltree), ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                facilities, BATCH, (ps, f) -> {
                    ps.setObject(1, f.id());
                    ps.setObject(2, f.providerId());
                    ps.setString(3, f.name());
                    ps.setString(4, f.type().name());
                    ps.setString(5, f.level());
                    ps.setString(6, f.regionCode());
                    ps.setString(7, f.regionPath());
                    ps.setString(8, f.address());
                    setDouble(ps, 9, f.latitude());
                    setDouble(ps, 10, f.longitude());
                    setDouble(ps, 11, f.floorAreaM2());
                    setInt(ps, 12, f.bedsTotal());
                    setInt(ps, 13, f.bedsOccupied());
                    ps.setString(14, f.openingHours());
                    ps.setArray(15, ps.getConnection().createArrayOf("text", f.services().toArray()));
                    ps.setBoolean(16, f.demo());
                });
        return facilities.size();
    }

    private static void setDouble(PreparedStatement ps, int i, @Nullable Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static void setInt(PreparedStatement ps, int i, @Nullable Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }
}
