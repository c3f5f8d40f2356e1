package org.yiyang.person.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyang.person.ResidentIdNumber;
import org.yiyang.person.ResidentLocator;
import org.yiyang.shared.Actor;

/** {@link ResidentLocator} over the person table, filtered by the jurisdiction path in SQL. */
@Component
class JdbcResidentLocator implements ResidentLocator {
    private final JdbcClient jdbc;
    private final PersonStore store;

    JdbcResidentLocator(JdbcClient jdbc, PersonStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Override
    public Optional<LocatedResident> locate(UUID personId, Actor actor) {
        return jdbc.sql("""
                        select id, residence_region, residence_path::text as path, death_date from person
                        where id = :id and residence_path <@ cast(:jurisdiction as ltree)
                        """)
                .param("id", personId).param("jurisdiction", actor.jurisdictionPath())
                .query((rs, n) -> new LocatedResident(rs.getObject("id", UUID.class), rs.getString("residence_region"),
                        rs.getString("path"), rs.getObject("death_date", LocalDate.class)))
                .optional();
    }

    @Override
    public List<UUID> demoResidentIds(@org.jspecify.annotations.Nullable UUID after, int limit) {
        return jdbc.sql("select id from person where demo and (cast(:after as uuid) is null or id > :after)"
                        + " order by id limit :limit")
                .param("after", after).param("limit", limit).query(UUID.class).list();
    }

    @Override
    public Map<String, LocatedResident> locateByIdNumbers(Collection<ResidentIdNumber> idNumbers, Actor actor) {
        Map<String, String> byIndex = new HashMap<>();
        List<byte[]> indexes = new ArrayList<>();
        for (ResidentIdNumber n : idNumbers) {
            byte[] idx = store.idNumberIndex(n.value());
            byIndex.put(HexFormat.of().formatHex(idx), n.value());
            indexes.add(idx);
        }
        Map<String, LocatedResident> found = new HashMap<>();
        if (indexes.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        select encode(id_number_idx, 'hex') as idx, id, residence_region, residence_path::text as path,
                               death_date
                        from person
                        where id_number_idx in (:idx) and residence_path <@ cast(:jurisdiction as ltree)
                        """)
                .param("idx", indexes).param("jurisdiction", actor.jurisdictionPath())
                .query(rs -> {
                    found.put(byIndex.get(rs.getString("idx")), new LocatedResident(rs.getObject("id", UUID.class),
                            rs.getString("residence_region"), rs.getString("path"),
                            rs.getObject("death_date", LocalDate.class)));
                });
        return found;
    }
}
