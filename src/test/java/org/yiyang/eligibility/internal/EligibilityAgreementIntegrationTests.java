package org.yiyang.eligibility.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.eligibility.Eligibility;
import org.yiyang.eligibility.EligibilityAnswer;
import org.yiyang.eligibility.PersonFacts;
import org.yiyang.person.Gb11643;
import org.yiyang.person.LivingArrangement;
import org.yiyang.person.PersonTag;
import org.yiyang.person.ResidentBulkWriter;
import org.yiyang.person.ResidentIdNumber;
import org.yiyang.person.ResidentRecord;
import org.yiyang.person.TagPeriod;
import org.yiyang.region.RegionLevel;
import org.yiyang.region.Regions;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.IntegrationTest;

/**
 * One rule, three evaluations that must agree on a generated population: the calculator (facts inline), the
 * per-person evaluation (facts from the registry, the shared assessment and the LTC insured status) and the SQL
 * compiled from the same rules over the whole population — eligible, not eligible and undecided alike.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EligibilityAgreementIntegrationTests {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    static final int PEOPLE = 400;

    @Autowired Regions regions;
    @Autowired ResidentBulkWriter writer;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired Eligibility eligibility;
    @Autowired EligibilityEngine engine;

    final Random random = new Random(20261128);
    final Map<UUID, PersonFacts> inline = new HashMap<>();
    Actor actor;
    String streetPath;

    @BeforeAll
    void population() {
        String street = "440111" + (900 + random.nextInt(100)) + "000";
        String community = street.substring(0, 9) + "201";
        regions.upsert(List.of(
                new Regions.NewRegion(street, "440111000000", RegionLevel.STREET_TOWN, "一致性测试街道", false),
                new Regions.NewRegion(community, street, RegionLevel.COMMUNITY_VILLAGE, "一致性测试社区", false)));
        streetPath = regions.pathOf(street).orElseThrow();
        String communityPath = regions.pathOf(community).orElseThrow();
        actor = new Actor(UUID.randomUUID(), "agreement", Set.of(Role.CITY_OFFICER), street, streetPath, null);
        List<ResidentRecord> records = new ArrayList<>();
        List<Runnable> extras = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            records.add(person(i, community, communityPath, extras));
        }
        transactions.executeWithoutResult(s -> {
            writer.write(records);
            extras.forEach(Runnable::run);
        });
    }

    private ResidentRecord person(int i, String community, String communityPath, List<Runnable> extras) {
        UUID id = UUID.randomUUID();
        LocalDate birth = birthDate();
        String first17 = "440111" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        var idNumber = ResidentIdNumber.parse(first17 + Gb11643.checkCharacter(first17));
        String hukou = random.nextInt(8) == 0 ? "445102001001" : community;
        LivingArrangement arrangement = random.nextInt(8) == 0 ? null
                : LivingArrangement.values()[random.nextInt(LivingArrangement.values().length)];
        Long income = new Long[] {null, 327_249L, 327_250L, 327_251L, 100_000L, 500_000L}[random.nextInt(6)];
        List<TagPeriod> tags = new ArrayList<>();
        Set<String> heldOnDate = new HashSet<>();
        for (PersonTag tag : PersonTag.values()) {
            if (random.nextInt(6) == 0) {
                LocalDate from = AS_OF.minusDays(random.nextInt(400) - 30);
                LocalDate to = random.nextBoolean() ? null : from.plusDays(random.nextInt(300));
                var period = new TagPeriod(tag, from, to);
                tags.add(period);
                if (period.heldOn(AS_OF)) {
                    heldOnDate.add(tag.name());
                }
            }
        }
        Integer level = assessments(id, communityPath, extras);
        String insured = insured(id, extras);
        boolean died = false;
        if (random.nextInt(20) == 0) {
            LocalDate death = AS_OF.plusDays(random.nextInt(40) - 20);
            died = !death.isAfter(AS_OF); // dead on the date when the death date is on or before it
            extras.add(() -> jdbc.sql("update person set death_date = :d where id = :id").param("d", death)
                    .param("id", id).update());
        }
        inline.put(id, died ? null : new PersonFacts(birth, hukou, community, List.copyOf(heldOnDate),
                arrangement == null ? null : arrangement.name(), null, income, level, insured));
        return new ResidentRecord(id, idNumber, "测试" + i, null, hukou, community, communityPath, null, arrangement,
                income, tags, false);
    }

    /** Ages around 60, 80 (on the 1st of the month and on the day) and 100. */
    private LocalDate birthDate() {
        int years = new int[] {59, 60, 61, 79, 80, 81, 99, 100, 72}[random.nextInt(9)];
        return AS_OF.minusYears(years).plusDays(random.nextInt(31) - 15);
    }

    /** Zero, one or two results around the date; returns the level in force on it (the latest valid one). */
    private @Nullable Integer assessments(UUID person, String path, List<Runnable> extras) {
        Integer inForce = null;
        LocalDate latestFrom = null;
        int count = random.nextInt(3);
        for (int k = 0; k < count; k++) {
            int level = random.nextInt(5);
            LocalDate from = AS_OF.minusDays(random.nextInt(500));
            LocalDate to = from.plusDays(364);
            String status = to.isBefore(AS_OF) ? "EXPIRED" : "EFFECTIVE";
            if (!from.isAfter(AS_OF) && !to.isBefore(AS_OF) && (latestFrom == null || from.isAfter(latestFrom))) {
                inForce = level;
                latestFrom = from;
            }
            extras.add(() -> jdbc.sql("insert into assessment (id, person_id, residence_path, instrument, reason,"
                            + " status, requested_at, effective_at, total, computed_level, final_level, valid_from,"
                            + " valid_to) values (:id, :person, cast(:path as ltree), 'GBT42195-2022', 'FIRST', :status,"
                            + " now(), now(), 40, :level, :level, :from, :to)")
                    .param("id", UUID.randomUUID()).param("person", person).param("path", path)
                    .param("status", status).param("level", level).param("from", from).param("to", to).update());
        }
        return inForce;
    }

    private @Nullable String insured(UUID person, List<Runnable> extras) {
        int pick = random.nextInt(4);
        if (pick == 0) {
            return null;
        }
        String type = pick == 1 ? "EMPLOYEE" : "RESIDENT";
        LocalDate from = AS_OF.minusDays(random.nextInt(200) - 20);
        extras.add(() -> jdbc.sql("insert into ltc_insured (person_id, insured_type, valid_from, source)"
                + " values (:p, :t, :f, 'API')").param("p", person).param("t", type).param("f", from).update());
        return from.isAfter(AS_OF) ? null : type;
    }

    @Test
    void calculatorPersonEvaluationAndSqlSelectTheSamePeople() {
        CompiledServiceList list = engine.listInForce(AS_OF);
        Map<String, Set<UUID>> trueByPerson = new HashMap<>();
        Map<String, Set<UUID>> unknownByPerson = new HashMap<>();
        int compared = 0;
        for (var entry : inline.entrySet()) {
            EligibilityAnswer fromRegistry = eligibility.evaluatePerson(entry.getKey(), AS_OF, "en", actor);
            if (entry.getValue() == null) {
                assertThat(fromRegistry.items()).allSatisfy(i -> assertThat(i.eligible()).isFalse());
                continue;
            }
            EligibilityAnswer fromInline = eligibility.evaluate(entry.getValue(), AS_OF, "en", actor);
            assertThat(fromRegistry.items()).as("person and calculator for the same facts")
                    .usingRecursiveComparison().isEqualTo(fromInline.items());
            for (var item : fromRegistry.items()) {
                if (item.eligible() == null) {
                    unknownByPerson.computeIfAbsent(item.item(), k -> new HashSet<>()).add(entry.getKey());
                } else if (item.eligible()) {
                    trueByPerson.computeIfAbsent(item.item(), k -> new HashSet<>()).add(entry.getKey());
                }
            }
            compared++;
        }
        assertThat(compared).isGreaterThan(PEOPLE * 3 / 4);
        for (var item : list.version().items()) {
            Map<String, Object> parameters = new HashMap<>();
            String condition = list.condition(item.code(), "r", engine.dibao(AS_OF), AS_OF, parameters);
            parameters.put("asOf", AS_OF);
            parameters.put("jurisdiction", streetPath);
            Set<UUID> sqlTrue = new HashSet<>(jdbc.sql("select f.person_id from " + FactsQuery.relation("")
                    + " where (" + condition + ") is true").params(parameters).query(UUID.class).list());
            Set<UUID> sqlUnknown = new HashSet<>(jdbc.sql("select f.person_id from " + FactsQuery.relation("")
                    + " where (" + condition + ") is null").params(parameters).query(UUID.class).list());
            assertThat(sqlTrue).as("eligible for " + item.code())
                    .isEqualTo(trueByPerson.getOrDefault(item.code(), Set.of()));
            assertThat(sqlUnknown).as("undecided for " + item.code())
                    .isEqualTo(unknownByPerson.getOrDefault(item.code(), Set.of()));
            var page = eligibility.eligibleFor(item.code(), AS_OF, 0, 500, actor);
            assertThat(page.total()).isEqualTo(sqlTrue.size());
            assertThat(page.people()).extracting(Eligibility.Person::id).containsExactlyInAnyOrderElementsOf(sqlTrue);
        }
        // the population is varied enough for the comparison to mean something
        assertThat(trueByPerson.getOrDefault("COMMUNITY_SUBSIDY_1", Set.of())).isNotEmpty();
        assertThat(trueByPerson.getOrDefault("COMMUNITY_SUBSIDY_2", Set.of())).isNotEmpty();
        assertThat(trueByPerson.getOrDefault("COMMUNITY_SUBSIDY_SEVERE", Set.of())).isNotEmpty();
        assertThat(unknownByPerson.getOrDefault("COMMUNITY_SUBSIDY_1", Set.of())).isNotEmpty();
    }
}
