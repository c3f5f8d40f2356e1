package org.yiyang.region.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.yiyang.region.Region;
import org.yiyang.region.RegionLevel;
import org.yiyang.region.Regions;

@Repository
class JdbcRegions implements Regions {
    private static final String SELECT = "select code, parent_code, level, name, path::text as path, demo from region";

    private final JdbcClient jdbc;

    JdbcRegions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Region> find(String code) {
        return jdbc.sql(SELECT + " where code = :c").param("c", code).query(JdbcRegions::map).optional();
    }

    @Override
    public List<Region> children(String code) {
        return jdbc.sql(SELECT + " where parent_code = :c order by code").param("c", code)
                .query(JdbcRegions::map).list();
    }

    @Override
    public boolean isWithin(String code, String ancestorCode) {
        return jdbc.sql("""
                        select exists (select 1 from region r, region a
                                       where r.code = :c and a.code = :a and r.path <@ a.path)
                        """)
                .param("c", code).param("a", ancestorCode).query(Boolean.class).single();
    }

    @Override
    public Region city() {
        return jdbc.sql(SELECT + " where level = 'CITY' order by code limit 1").query(JdbcRegions::map).optional()
                .orElseThrow(() -> new IllegalStateException("no city region is loaded"));
    }

    @Override
    public List<Region> below(String rootCode, RegionLevel level) {
        return jdbc.sql(SELECT + " where level = :l and path <@ (select path from region where code = :root) "
                        + "order by code")
                .param("l", level.name()).param("root", rootCode).query(JdbcRegions::map).list();
    }

    @Override
    @Transactional
    public void upsert(List<NewRegion> regions) {
        Map<String, String> paths = new HashMap<>();
        for (NewRegion r : regions) {
            String path;
            if (r.parentCode() == null) {
                path = r.code();
            } else {
                String parentPath = paths.computeIfAbsent(r.parentCode(), p -> pathOf(p).orElseThrow(
                        () -> new IllegalArgumentException("parent region " + p + " is not loaded")));
                path = parentPath + "." + r.code();
            }
            paths.put(r.code(), path);
            jdbc.sql("""
                            insert into region (code, parent_code, level, name, path, demo)
                            values (:code, :parent, :level, :name, cast(:path as ltree), :demo)
                            on conflict (code) do update set parent_code = excluded.parent_code,
                                level = excluded.level, name = excluded.name, path = excluded.path, demo = excluded.demo
                            """)
                    .param("code", r.code()).param("parent", r.parentCode()).param("level", r.level().name())
                    .param("name", r.name()).param("path", path).param("demo", r.demo())
                    .update();
        }
    }

    static Region map(ResultSet rs, int row) throws SQLException {
        return new Region(rs.getString("code"), rs.getString("parent_code"), RegionLevel.valueOf(rs.getString("level")),
                rs.getString("name"), rs.getString("path"), rs.getBoolean("demo"));
    }
}
