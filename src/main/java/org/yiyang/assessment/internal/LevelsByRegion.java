package org.yiyang.assessment.internal;

import java.sql.Date;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyang.region.Region;
import org.yiyang.region.Regions;
import org.yiyang.shared.Actor;
import org.yiyang.shared.BusinessZone;
import org.yiyang.shared.InvalidInput;
import org.yiyang.shared.NotFound;

/**
 * How many elders hold a current result at each care level, per region directly below a chosen region (default: the
 * caller's jurisdiction). Counts only, from one grouped query scoped in SQL; no per-person data leaves.
 */
@Component
class LevelsByRegion {
    private final JdbcClient jdbc;
    private final Regions regions;
    private final Clock clock;

    LevelsByRegion(JdbcClient jdbc, Regions regions, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.clock = clock;
    }

    /** One row of the table: a region and its counts by final level 0–4. */
    record Row(String regionCode, String regionName, long[] byLevel, long total) {
    }

    record Table(String regionCode, String regionName, List<Row> rows, long[] byLevel, long total) {
    }

    Table of(@Nullable String regionCode, Actor actor) {
        String code = regionCode == null || regionCode.isBlank() ? actor.jurisdictionCode() : regionCode.strip();
        Region root = regions.find(code).orElseThrow(() -> InvalidInput.of("region", "REGION_UNKNOWN"));
        if (!(root.path().equals(actor.jurisdictionPath()) || root.path().startsWith(actor.jurisdictionPath() + "."))) {
            throw new NotFound("region");
        }
        int depth = root.path().split("\\.").length;
        Map<String, long[]> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select subpath(residence_path, 0, :depth + 1)::text as child, final_level, count(*) as n
                        from assessment
                        where status = 'EFFECTIVE' and final_level is not null
                          and residence_path <@ cast(:root as ltree)
                          and residence_path <@ cast(:jurisdiction as ltree)
                          and nlevel(residence_path) > :depth
                          and valid_from <= :today and (valid_to is null or valid_to >= :today)
                        group by 1, 2
                        """)
                .param("depth", depth).param("root", root.path()).param("jurisdiction", actor.jurisdictionPath())
                .param("today", Date.valueOf(BusinessZone.today(clock)))
                .query(rs -> {
                    String path = rs.getString("child");
                    String child = path.substring(path.lastIndexOf('.') + 1);
                    counts.computeIfAbsent(child, c -> new long[5])[rs.getInt("final_level")] += rs.getLong("n");
                });
        List<Row> rows = new ArrayList<>();
        long[] all = new long[5];
        for (Region child : regions.children(root.code())) {
            long[] byLevel = counts.getOrDefault(child.code(), new long[5]);
            long total = 0;
            for (int level = 0; level < 5; level++) {
                total += byLevel[level];
                all[level] += byLevel[level];
            }
            rows.add(new Row(child.code(), child.name(), byLevel, total));
        }
        long grand = 0;
        for (long n : all) {
            grand += n;
        }
        return new Table(root.code(), root.name(), rows, all, grand);
    }
}
