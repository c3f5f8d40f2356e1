package org.yiyang.facility.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiyang.facility.Facilities;
import org.yiyang.facility.Facility;
import org.yiyang.facility.FacilityPage;
import org.yiyang.facility.FacilityType;
import org.yiyang.facility.Ownership;
import org.yiyang.facility.UnifiedSocialCreditCode;

@Repository
class JdbcFacilities implements Facilities {
    private static final String SELECT = """
            select f.id, f.provider_id, p.name as provider_name, p.ownership, p.credit_code, f.name, f.type, f.level,
                   f.region_code, f.region_path::text as region_path, f.address, f.latitude, f.longitude,
                   f.floor_area_m2, f.beds_total, f.beds_occupied, f.opening_hours, f.services, f.demo
            from facility f join provider p on p.id = f.provider_id
            """;
    private static final String FILTER = """
             where (cast(:type as varchar) is null or f.type = cast(:type as varchar))
               and (cast(:path as ltree) is null or f.region_path <@ cast(:path as ltree))
            """;

    private final JdbcClient jdbc;

    JdbcFacilities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Facility> find(UUID id) {
        return jdbc.sql(SELECT + " where f.id = :id").param("id", id).query(JdbcFacilities::map).optional();
    }

    @Override
    public FacilityPage list(@Nullable FacilityType type, @Nullable String regionPath, int page, int size) {
        String typeCode = type == null ? null : type.name();
        List<Facility> items = jdbc.sql(SELECT + FILTER + " order by f.type, f.region_code, f.name, f.id "
                        + "limit :size offset :offset")
                .param("type", typeCode).param("path", regionPath).param("size", size)
                .param("offset", (long) page * size).query(JdbcFacilities::map).list();
        long total = jdbc.sql("select count(*) from facility f" + FILTER)
                .param("type", typeCode).param("path", regionPath).query(Long.class).single();
        return new FacilityPage(items, page, size, total);
    }

    @Override
    public Map<FacilityType, Long> countByType(@Nullable String regionPath) {
        Map<FacilityType, Long> counts = new EnumMap<>(FacilityType.class);
        jdbc.sql("""
                        select type, count(*) from facility
                        where cast(:path as ltree) is null or region_path <@ cast(:path as ltree) group by type
                        """)
                .param("path", regionPath)
                .query((rs, n) -> counts.put(FacilityType.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    @Override
    public long countDemo() {
        return jdbc.sql("select count(*) from facility where demo").query(Long.class).single();
    }

    private static Facility map(ResultSet rs, int row) throws SQLException {
        Array services = rs.getArray("services");
        return new Facility(rs.getObject("id", UUID.class), rs.getObject("provider_id", UUID.class),
                rs.getString("provider_name"), Ownership.valueOf(rs.getString("ownership")),
                new UnifiedSocialCreditCode(rs.getString("credit_code")), rs.getString("name"),
                FacilityType.valueOf(rs.getString("type")), rs.getString("level"), rs.getString("region_code"),
                rs.getString("region_path"), rs.getString("address"), doubleOrNull(rs, "latitude"),
                doubleOrNull(rs, "longitude"), doubleOrNull(rs, "floor_area_m2"), intOrNull(rs, "beds_total"),
                intOrNull(rs, "beds_occupied"), rs.getString("opening_hours"),
                services == null ? List.of() : List.of((String[]) services.getArray()), rs.getBoolean("demo"));
    }

    private static @Nullable Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static @Nullable Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
