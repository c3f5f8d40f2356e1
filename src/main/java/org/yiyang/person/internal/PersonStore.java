package org.yiyang.person.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiyang.person.LivingArrangement;
import org.yiyang.person.PersonTag;
import org.yiyang.person.PersonalColumns;
import org.yiyang.person.Sex;
import org.yiyang.person.TagPeriod;
import org.yiyang.shared.Actor;
import org.yiyang.shared.privacy.BlindIndex;
import org.yiyang.shared.privacy.PersonalDataCipher;

/**
 * The person tables. Personal columns are encrypted here on the way in; every read over persons is filtered in SQL by
 * the reader's {@link Scope} (the jurisdiction path, {@code residence_path <@ :path}, or for provider staff the
 * persons their provider serves). The only exception is the existence check by blind index,
 * which answers whether, not who.
 */
@Repository
public class PersonStore {
    private static final String COLUMNS = """
            select id, name, sex, birth_date, id_number_enc, phone_enc, address_enc, hukou_region, residence_region,
                   living_arrangement, household_income_fen, death_date, demo
            from person p
            """;

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;

    PersonStore(JdbcClient jdbc, PersonalDataCipher cipher, BlindIndex index) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.index = index;
    }

    /** A stored resident with its personal columns still encrypted. */
    public record Row(UUID id, String name, Sex sex, LocalDate birthDate, byte[] idNumberEnc,
                      byte @Nullable [] phoneEnc, byte @Nullable [] addressEnc, String hukouRegion,
                      String residenceRegion, @Nullable LivingArrangement livingArrangement,
                      @Nullable Long householdIncomeFen, @Nullable LocalDate deathDate, boolean demo,
                      List<TagPeriod> tags) {
    }

    /** Someone holding an ID number, and whether they lie within the asking jurisdiction. */
    public record Holder(UUID id, boolean withinJurisdiction) {
    }

    /**
     * Which residents a reader may see, as a SQL condition on {@code person p}: the jurisdiction's region subtree, or,
     * for provider staff ({@link Actor#providerScoped()}), the persons their provider serves on the day (the published
     * {@code provider_scope}); provider staff without a provider see nobody.
     */
    public record Scope(String jurisdictionPath, @Nullable UUID provider, boolean byProvider, LocalDate day) {
        private static final UUID NOBODY = new UUID(0, 0);

        public static Scope of(Actor actor, LocalDate day) {
            return new Scope(actor.jurisdictionPath(), actor.providerId(), actor.providerScoped(), day);
        }

        /** A region subtree, for staff and system reads. */
        public static Scope region(String jurisdictionPath) {
            return new Scope(jurisdictionPath, null, false, LocalDate.EPOCH);
        }

        String condition() {
            return byProvider ? "p.id in (select provider_scope(:scopeProvider, :scopeDay))"
                    : "p.residence_path <@ cast(:jurisdiction as ltree)";
        }

        void bind(Map<String, Object> params) {
            if (byProvider) {
                params.put("scopeProvider", provider == null ? NOBODY : provider);
                params.put("scopeDay", day);
            } else {
                params.put("jurisdiction", jurisdictionPath);
            }
        }

        @Override
        public String toString() {
            return byProvider ? "Scope[provider " + provider + "]" : "Scope[" + jurisdictionPath + "]";
        }
    }

    /** What to search for; {@code idNumber} (normalised) wins over {@code name}. */
    public record Query(Scope scope, @Nullable String regionPath, @Nullable String idNumber,
                        @Nullable String name) {
        /** Search terms are personal data: only which kind of search it is. */
        @Override
        public String toString() {
            return "Query[" + scope + (idNumber != null ? ", by ID number" : name != null ? ", by name" : "")
                    + "]";
        }
    }

    public byte[] idNumberIndex(String normalisedIdNumber) {
        return index.of(normalisedIdNumber, PersonalColumns.ID_NUMBER);
    }

    public byte[] phoneIndex(String phone) {
        return index.of(phone, PersonalColumns.PHONE);
    }

    public Optional<Holder> holderOf(String normalisedIdNumber, String jurisdictionPath) {
        return jdbc.sql("""
                        select id, residence_path <@ cast(:jurisdiction as ltree) as within
                        from person where id_number_idx = :idx
                        """)
                .param("idx", idNumberIndex(normalisedIdNumber), Types.BINARY)
                .param("jurisdiction", jurisdictionPath)
                .query((rs, n) -> new Holder(rs.getObject("id", UUID.class), rs.getBoolean("within")))
                .optional();
    }

    /** Which of these blind indexes are already registered (anywhere), as hex. */
    public List<String> registeredIndexes(List<byte[]> indexes) {
        if (indexes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select encode(id_number_idx, 'hex') from person where id_number_idx in (:idx)")
                .param("idx", indexes)
                .query(String.class).list();
    }

    /** Residents of the street, within the jurisdiction, with the same name and birth date or the same phone. */
    public List<UUID> likelyDuplicates(String streetPath, String jurisdictionPath, String name, LocalDate birthDate,
                                       @Nullable String phone) {
        return jdbc.sql("""
                        select id from person
                        where residence_path <@ cast(:street as ltree)
                          and residence_path <@ cast(:jurisdiction as ltree)
                          and ((name = :name and birth_date = :birth) or phone_idx = :phone)
                        order by created_at, id
                        """)
                .param("street", streetPath).param("jurisdiction", jurisdictionPath)
                .param("name", name).param("birth", birthDate)
                .param("phone", phone == null ? null : phoneIndex(phone), Types.BINARY)
                .query(UUID.class).list();
    }

    public UUID insert(ValidResident r) {
        UUID id = UUID.randomUUID();
        String idNumber = r.idNumber().value();
        jdbc.sql("""
                        insert into person (id, id_number_enc, id_number_idx, name, sex, birth_date, phone_enc, phone_idx,
                                            hukou_region, residence_region, residence_path, address_enc,
                                            living_arrangement, household_income_fen)
                        values (:id, :idEnc, :idIdx, :name, :sex, :birth, :phoneEnc, :phoneIdx, :hukou, :residence,
                                cast(:path as ltree), :addressEnc, :living, :income)
                        """)
                .param("id", id)
                .param("idEnc", cipher.encrypt(idNumber, PersonalColumns.bound(PersonalColumns.ID_NUMBER, id)), Types.BINARY)
                .param("idIdx", idNumberIndex(idNumber), Types.BINARY)
                .param("name", r.name()).param("sex", r.idNumber().sex().name())
                .param("birth", r.idNumber().birthDate())
                .param("phoneEnc", r.phone() == null ? null : cipher.encrypt(r.phone(), PersonalColumns.bound(PersonalColumns.PHONE, id)),
                        Types.BINARY)
                .param("phoneIdx", r.phone() == null ? null : phoneIndex(r.phone()), Types.BINARY)
                .param("hukou", r.hukouRegion()).param("residence", r.residence().code())
                .param("path", r.residence().path())
                .param("addressEnc", r.address() == null ? null : cipher.encrypt(r.address(),
                        PersonalColumns.bound(PersonalColumns.ADDRESS, id)),
                        Types.BINARY)
                .param("living", r.livingArrangement() == null ? null : r.livingArrangement().name(), Types.VARCHAR)
                .param("income", r.householdIncomeFen(), Types.BIGINT)
                .update();
        for (TagPeriod t : r.tags()) {
            jdbc.sql("insert into person_tag (person_id, tag, valid_from, valid_to) values (:id, :tag, :from, :to)")
                    .param("id", id).param("tag", t.tag().name()).param("from", t.validFrom())
                    .param("to", t.validTo(), Types.DATE).update();
        }
        int seq = 1;
        for (ValidResident.Contact c : r.contacts()) {
            jdbc.sql("""
                            insert into emergency_contact (person_id, seq, name, relation, phone_enc)
                            values (:id, :seq, :name, :relation, :phone)
                            """)
                    .param("id", id).param("seq", seq).param("name", c.name()).param("relation", c.relation())
                    .param("phone", cipher.encrypt(c.phone(), PersonalColumns.bound(PersonalColumns.CONTACT_PHONE,
                            id + "/" + seq)), Types.BINARY)
                    .update();
            seq++;
        }
        return id;
    }

    public Optional<Row> findWithin(UUID id, String jurisdictionPath) {
        return findWithin(id, Scope.region(jurisdictionPath));
    }

    /** The person if within the reader's scope; empty otherwise. */
    public Optional<Row> findWithin(UUID id, Scope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", id);
        scope.bind(params);
        List<Row> rows = bind(COLUMNS + " where p.id = :id and " + scope.condition(), params)
                .query(PersonStore::map).list();
        return withTags(rows).stream().findFirst();
    }

    /** A person a citizen account may see today (the published {@code citizen_scope}); empty otherwise. */
    public Optional<Row> findInCitizenScope(UUID id, UUID userId, LocalDate today) {
        List<Row> rows = jdbc.sql(COLUMNS + " where id = :id and id in (select citizen_scope(:user, :today))")
                .param("id", id).param("user", userId).param("today", today)
                .query(PersonStore::map).list();
        return withTags(rows).stream().findFirst();
    }

    /** Every person a citizen account may see today, by name. */
    public List<Row> citizenScope(UUID userId, LocalDate today) {
        return withTags(jdbc.sql(COLUMNS + " where id in (select citizen_scope(:user, :today)) order by name, id")
                .param("user", userId).param("today", today).query(PersonStore::map).list());
    }

    public List<Row> search(Query q, int limit, long offset) {
        var sql = new StringBuilder(COLUMNS);
        Map<String, Object> params = where(q, sql);
        if (q.idNumber() == null && q.name() != null) {
            sql.append(" order by similarity(name, :q) desc, name, id");
        } else {
            sql.append(" order by name, id");
        }
        sql.append(" limit :limit offset :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return withTags(bind(sql.toString(), params).query(PersonStore::map).list());
    }

    public long count(Query q) {
        var sql = new StringBuilder("select count(*) from person p");
        Map<String, Object> params = where(q, sql);
        return bind(sql.toString(), params).query(Long.class).single();
    }

    private JdbcClient.StatementSpec bind(String sql, Map<String, Object> params) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        for (var e : params.entrySet()) {
            spec = e.getValue() instanceof byte[] bytes ? spec.param(e.getKey(), bytes, Types.BINARY)
                    : spec.param(e.getKey(), e.getValue());
        }
        return spec;
    }

    private Map<String, Object> where(Query q, StringBuilder sql) {
        Map<String, Object> params = new LinkedHashMap<>();
        sql.append(" where ").append(q.scope().condition());
        q.scope().bind(params);
        if (q.regionPath() != null) {
            sql.append(" and residence_path <@ cast(:region as ltree)");
            params.put("region", q.regionPath());
        }
        if (q.idNumber() != null) {
            sql.append(" and id_number_idx = :idx");
            params.put("idx", idNumberIndex(q.idNumber()));
        } else if (q.name() != null) {
            sql.append(" and (name % :q or name ilike :prefix)");
            params.put("q", q.name());
            params.put("prefix", likePrefix(q.name()));
        }
        return params;
    }

    static String likePrefix(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private List<Row> withTags(List<Row> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<TagPeriod>> tags = new HashMap<>();
        jdbc.sql("""
                        select person_id, tag, valid_from, valid_to from person_tag
                        where person_id in (:ids) order by valid_from, tag
                        """)
                .param("ids", rows.stream().map(Row::id).toList())
                .query(rs -> {
                    LocalDate to = rs.getObject("valid_to", LocalDate.class);
                    tags.computeIfAbsent(rs.getObject("person_id", UUID.class), k -> new ArrayList<>())
                            .add(new TagPeriod(PersonTag.valueOf(rs.getString("tag")),
                                    rs.getObject("valid_from", LocalDate.class), to));
                });
        return rows.stream().map(r -> new Row(r.id(), r.name(), r.sex(), r.birthDate(), r.idNumberEnc(),
                r.phoneEnc(), r.addressEnc(), r.hukouRegion(), r.residenceRegion(), r.livingArrangement(),
                r.householdIncomeFen(), r.deathDate(), r.demo(), tags.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        String living = rs.getString("living_arrangement");
        long income = rs.getLong("household_income_fen");
        Long incomeOrNull = rs.wasNull() ? null : income;
        return new Row(rs.getObject("id", UUID.class), rs.getString("name"), Sex.valueOf(rs.getString("sex")),
                rs.getObject("birth_date", LocalDate.class), rs.getBytes("id_number_enc"), rs.getBytes("phone_enc"),
                rs.getBytes("address_enc"), rs.getString("hukou_region"), rs.getString("residence_region"),
                living == null ? null : LivingArrangement.valueOf(living), incomeOrNull,
                rs.getObject("death_date", LocalDate.class), rs.getBoolean("demo"), List.of());
    }
}
