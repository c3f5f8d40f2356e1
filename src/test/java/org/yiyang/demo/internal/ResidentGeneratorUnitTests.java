package org.yiyang.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yiyang.person.ResidentRecord;
import org.yiyang.region.RegionLevel;
import org.yiyang.region.Regions.NewRegion;

class ResidentGeneratorUnitTests {

    private static List<ResidentGenerator.Community> communities(long seed) {
        List<ResidentGenerator.Community> out = new ArrayList<>();
        for (NewRegion r : RegionPlanner.plan(seed, DistrictPlan.GUANGZHOU)) {
            if (r.level() == RegionLevel.COMMUNITY_VILLAGE) {
                out.add(new ResidentGenerator.Community(r.code(), "440100000000." + r.code(), "某街道", "某区"));
            }
        }
        return out;
    }

    private static ResidentGenerator generator(long seed, long total) {
        return new ResidentGenerator(seed, total, DistrictPlan.GUANGZHOU, communities(seed));
    }

    private static List<String> fingerprint(List<ResidentRecord> chunk) {
        return chunk.stream().map(r -> r.id() + "|" + r.idNumber().value() + "|" + r.name() + "|" + r.phone() + "|"
                + r.hukouRegion() + "|" + r.residenceRegion() + "|" + r.address() + "|" + r.livingArrangement() + "|"
                + r.householdIncomeFen() + "|" + r.tags()).toList();
    }

    @Test
    void givesTheSameFirstChunkForTheSameSeed() {
        assertThat(fingerprint(generator(42, 25_000).chunk(0))).isEqualTo(fingerprint(generator(42, 25_000).chunk(0)));
        assertThat(fingerprint(generator(42, 25_000).chunk(2))).isEqualTo(fingerprint(generator(42, 25_000).chunk(2)));
    }

    @Test
    void givesADifferentCityForADifferentSeed() {
        var a = fingerprint(generator(42, 10_000).chunk(0));
        var b = fingerprint(generator(43, 10_000).chunk(0));
        assertThat(a).hasSize(10_000).hasSameSizeAs(b);
        assertThat(a).doesNotContainAnyElementsOf(b);
    }

    @Test
    void plansTheSameRegionsForTheSameSeed() {
        assertThat(RegionPlanner.plan(7, DistrictPlan.GUANGZHOU)).isEqualTo(RegionPlanner.plan(7, DistrictPlan.GUANGZHOU));
        var plan = RegionPlanner.plan(7, DistrictPlan.GUANGZHOU);
        assertThat(plan.stream().filter(r -> r.level() == RegionLevel.STREET_TOWN)).hasSize(176);
        assertThat(plan.stream().filter(r -> r.level() == RegionLevel.COMMUNITY_VILLAGE)).hasSize(2840);
        assertThat(plan.stream().map(NewRegion::code).distinct()).hasSize(plan.size());
        assertThat(plan).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("440106001000");
            assertThat(r.name()).isEqualTo("五山街道");
        });
    }

    @Test
    void neverRepeatsAnIdNumberAcrossChunks() {
        // 60 chunks: each owns 8 or 9 pairs of sequence codes, so collisions are handled many times over
        var generator = generator(5, 600_000);
        Set<String> seen = new HashSet<>();
        for (int k : new int[] {0, 1, 2, 59}) {
            for (ResidentRecord r : generator.chunk(k)) {
                assertThat(seen.add(r.idNumber().value())).isTrue();
                assertThat(r.idNumber().addressCode()).isEqualTo(r.hukouRegion().substring(0, 6));
            }
        }
        assertThat(generator.chunk(59)).hasSize(10_000);
    }

    @Test
    void makesTheLastChunkShortAndRefusesMoreThanTheSequenceCodesAllow() {
        var generator = generator(1, 10_400);
        assertThat(generator.chunkCount()).isEqualTo(2);
        assertThat(generator.chunk(1)).hasSize(400);
        assertThatThrownBy(() -> generator(1, 5_000_000L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void drawsAgesHukouLivingArrangementsAndTagsInTheDesignedShares() {
        List<ResidentRecord> chunk = generator(11, 10_000).chunk(0);
        double n = chunk.size();
        java.util.function.ToDoubleFunction<java.util.function.Predicate<ResidentRecord>> share =
                p -> chunk.stream().filter(p).count() / n;
        java.util.function.Function<ResidentRecord, Integer> age =
                r -> java.time.Period.between(r.birthDate(), ResidentGenerator.REFERENCE_DATE).getYears();
        assertThat(chunk).allMatch(r -> age.apply(r) >= 60);
        assertThat(share.applyAsDouble(r -> age.apply(r) < 70)).isBetween(0.52, 0.58);
        assertThat(share.applyAsDouble(r -> age.apply(r) >= 70 && age.apply(r) < 80)).isBetween(0.27, 0.33);
        assertThat(share.applyAsDouble(r -> age.apply(r) >= 80)).isBetween(0.13, 0.17);
        assertThat(share.applyAsDouble(r -> !r.hukouRegion().startsWith("4401"))).isBetween(0.10, 0.14);
        assertThat(share.applyAsDouble(r -> r.livingArrangement() == org.yiyang.person.LivingArrangement.ALONE))
                .isBetween(0.10, 0.145);
        assertThat(share.applyAsDouble(r -> r.livingArrangement()
                == org.yiyang.person.LivingArrangement.IN_INSTITUTION)).isBetween(0.02, 0.04);
        assertThat(share.applyAsDouble(r -> r.tags().stream()
                .anyMatch(t -> t.tag() == org.yiyang.person.PersonTag.DIBAO))).isBetween(0.013, 0.027);
        assertThat(share.applyAsDouble(r -> r.phone() != null)).isBetween(0.85, 0.91);
        assertThat(chunk).allMatch(r -> r.phone() == null || r.phone().matches("1[3-9][0-9]{9}"));
        assertThat(share.applyAsDouble(r -> r.sex() == org.yiyang.person.Sex.FEMALE)).isBetween(0.51, 0.57);
    }
}
