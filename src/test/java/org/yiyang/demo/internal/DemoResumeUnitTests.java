package org.yiyang.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.facility.Facilities;
import org.yiyang.facility.FacilityBulkWriter;
import org.yiyang.jobs.Jobs;
import org.yiyang.person.ResidentRecord;
import org.yiyang.platform.YiyangProperties;
import org.yiyang.region.Region;
import org.yiyang.region.RegionLevel;
import org.yiyang.region.Regions;

/** Resuming after a run that died half-way: only the missing chunks are generated, and they are the same chunks. */
class DemoResumeUnitTests {
    private static final long SEED = 99;
    private static final int ELDERS = 25_000;

    private final List<List<ResidentRecord>> written = new ArrayList<>();
    private final Jobs jobs = mock(Jobs.class);

    private DemoCityGenerator generator(long alreadyPresent) {
        when(jobs.startSystemJob(anyString(), anyString(), any())).thenReturn(UUID.randomUUID());
        var properties = new YiyangProperties(Path.of("target/unused"), null,
                new YiyangProperties.Demo(true, ELDERS, SEED), null, null);
        return new DemoCityGenerator(new PlannedRegions(SEED), mock(Facilities.class), mock(FacilityBulkWriter.class),
                residents -> {
                    written.add(residents);
                    return residents.size();
                }, () -> alreadyPresent, mock(DemoAccounts.class), jobs,
                new TransactionTemplate(mock(PlatformTransactionManager.class)), properties,
                mock(org.yiyang.audit.AuditTrail.class));
    }

    private static List<UUID> ids(List<ResidentRecord> chunk) {
        return chunk.stream().map(ResidentRecord::id).toList();
    }

    @Test
    void continuesAfterTheLastCompleteChunk() {
        var generator = generator(10_000);
        generator.ensureResidents();
        assertThat(written).hasSize(2);
        var fresh = generator.residentGenerator();
        assertThat(ids(written.get(0))).isEqualTo(ids(fresh.chunk(1)));
        assertThat(ids(written.get(1))).isEqualTo(ids(fresh.chunk(2))).hasSize(5_000);
        verify(jobs).succeed(any(), anyString());
    }

    @Test
    void doesNothingWhenEveryoneIsThere() {
        generator(ELDERS).ensureResidents();
        assertThat(written).isEmpty();
        verify(jobs, never()).start(anyString(), anyString(), any(), any());
    }

    @Test
    void leavesAnUnexpectedCountAlone() {
        generator(12_345).ensureResidents();
        assertThat(written).isEmpty();
        verify(jobs, never()).progress(any(), anyLong(), anyLong(), anyLong());
    }

    /** The planned demo regions of the seed, as the registry would list them. */
    private static final class PlannedRegions implements Regions {
        private final Map<String, Region> byCode = new HashMap<>();

        PlannedRegions(long seed) {
            put(new Region("440100000000", null, RegionLevel.CITY, "广州市", "440100000000", false));
            for (DistrictPlan d : DistrictPlan.GUANGZHOU) {
                put(new Region(d.code(), "440100000000", RegionLevel.DISTRICT, "区" + d.county(),
                        "440100000000." + d.code(), false));
            }
            for (NewRegion r : RegionPlanner.plan(seed, DistrictPlan.GUANGZHOU)) {
                put(new Region(r.code(), r.parentCode(), r.level(), r.name(),
                        byCode.get(r.parentCode()).path() + "." + r.code(), true));
            }
        }

        private void put(Region r) {
            byCode.put(r.code(), r);
        }

        @Override
        public Optional<Region> find(String code) {
            return Optional.ofNullable(byCode.get(code));
        }

        @Override
        public List<Region> children(String code) {
            return byCode.values().stream().filter(r -> code.equals(r.parentCode()))
                    .sorted(java.util.Comparator.comparing(Region::code)).toList();
        }

        @Override
        public boolean isWithin(String code, String ancestorCode) {
            return byCode.get(code).isWithin(byCode.get(ancestorCode));
        }

        @Override
        public Region city() {
            return byCode.get("440100000000");
        }

        @Override
        public List<Region> below(String rootCode, RegionLevel level) {
            Region root = byCode.get(rootCode);
            return byCode.values().stream().filter(r -> r.level() == level && r.isWithin(root))
                    .sorted(java.util.Comparator.comparing(Region::code)).toList();
        }

        @Override
        public void upsert(List<NewRegion> regions) {
            throw new UnsupportedOperationException();
        }
    }
}
