package org.yiyang.demo.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.facility.Facilities;
import org.yiyang.facility.FacilityBulkWriter;
import org.yiyang.audit.AuditEvent;
import org.yiyang.audit.AuditTrail;
import org.yiyang.jobs.Jobs;
import org.yiyang.person.ResidentBulkWriter;
import org.yiyang.person.ResidentCounts;
import org.yiyang.person.ResidentRecord;
import org.yiyang.platform.YiyangProperties;
import org.yiyang.region.Region;
import org.yiyang.region.RegionLevel;
import org.yiyang.region.Regions;

/**
 * Builds the demo city, idempotently: demo streets and communities, the facility network, the residents (in chunks,
 * each committed on its own, resuming after the last complete chunk) and the demo accounts. A second run with
 * everything present changes nothing. Logs counts only.
 */
@Component
class DemoCityGenerator {
    static final String JOB_TYPE = "DEMO_CITY";
    private static final Logger log = LoggerFactory.getLogger(DemoCityGenerator.class);

    private final Regions regions;
    private final Facilities facilities;
    private final FacilityBulkWriter facilityWriter;
    private final ResidentBulkWriter residentWriter;
    private final ResidentCounts residentCounts;
    private final DemoAccounts accounts;
    private final Jobs jobs;
    private final TransactionTemplate tx;
    private final long seed;
    private final long elders;
    private final AuditTrail audit;

    DemoCityGenerator(Regions regions, Facilities facilities, FacilityBulkWriter facilityWriter,
                      ResidentBulkWriter residentWriter, ResidentCounts residentCounts, DemoAccounts accounts,
                      Jobs jobs, TransactionTemplate tx, YiyangProperties properties, AuditTrail audit) {
        this.audit = audit;
        this.regions = regions;
        this.facilities = facilities;
        this.facilityWriter = facilityWriter;
        this.residentWriter = residentWriter;
        this.residentCounts = residentCounts;
        this.accounts = accounts;
        this.jobs = jobs;
        this.tx = tx;
        this.seed = properties.demo().seed();
        this.elders = properties.demo().elders();
    }

    void generate() {
        long started = System.nanoTime();
        ensureRegions();
        ensureFacilities();
        ensureResidents();
        accounts.ensure();
        log.info("Demo city ready (seed {}, {} elders) in {} ms", seed, elders, (System.nanoTime() - started) / 1_000_000);
    }

    void ensureRegions() {
        var plan = RegionPlanner.plan(seed, DistrictPlan.GUANGZHOU);
        String city = regions.city().code();
        long streets = plan.stream().filter(r -> r.level() == RegionLevel.STREET_TOWN).count();
        long communities = plan.size() - streets;
        if (regions.below(city, RegionLevel.STREET_TOWN).size() >= streets
                && regions.below(city, RegionLevel.COMMUNITY_VILLAGE).size() >= communities) {
            return;
        }
        tx.executeWithoutResult(s -> regions.upsert(plan));
        log.info("Demo regions: {} streets and towns, {} communities and villages", streets, communities);
    }

    void ensureFacilities() {
        if (facilities.countDemo() > 0) {
            return;
        }
        String city = regions.city().code();
        var plan = FacilityPlanner.plan(seed, DistrictPlan.GUANGZHOU, regions.below(city, RegionLevel.DISTRICT),
                regions.below(city, RegionLevel.STREET_TOWN), regions.below(city, RegionLevel.COMMUNITY_VILLAGE));
        tx.executeWithoutResult(s -> {
            facilityWriter.writeProviders(plan.providers());
            facilityWriter.writeFacilities(plan.facilities());
        });
        log.info("Demo facilities: {} providers, {} facilities", plan.providers().size(), plan.facilities().size());
    }

    void ensureResidents() {
        long present = residentCounts.countDemo();
        if (present == elders) {
            return;
        }
        if (present > elders || present % ResidentGenerator.CHUNK_SIZE != 0) {
            log.warn("Found {} demo residents, which is not a whole number of chunks of a {}-elder city; "
                    + "leaving them as they are", present, elders);
            return;
        }
        ResidentGenerator generator = residentGenerator();
        int first = (int) (present / ResidentGenerator.CHUNK_SIZE);
        UUID job = jobs.startSystemJob(JOB_TYPE, seed + ":" + elders, elders);
        // the next chunk is generated on a second thread while this one is written: two chunks in memory at most
        ExecutorService ahead = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "demo-city-generator");
            t.setDaemon(true);
            return t;
        });
        try {
            long done = present;
            jobs.progress(job, done, done, 0);
            Future<List<ResidentRecord>> next = first < generator.chunkCount()
                    ? ahead.submit(chunkTask(generator, first)) : null;
            for (int k = first; k < generator.chunkCount(); k++) {
                long waited = System.nanoTime();
                List<ResidentRecord> chunk = next.get();
                next = k + 1 < generator.chunkCount() ? ahead.submit(chunkTask(generator, k + 1)) : null;
                long writing = System.nanoTime();
                tx.executeWithoutResult(s -> residentWriter.write(chunk));
                long written = System.nanoTime();
                done += chunk.size();
                jobs.progress(job, done, done, 0);
                log.info("Demo residents: {} of {} (chunk {} of {}; waited {} ms, wrote in {} ms)", done, elders,
                        k + 1, generator.chunkCount(), (writing - waited) / 1_000_000, (written - writing) / 1_000_000);
            }
            jobs.succeed(job, done + " demo residents");
            audit.record(new AuditEvent("DEMO_CITY_GENERATED", null, "job", job.toString(),
                    AuditEvent.Outcome.SUCCESS, null, null, java.util.Map.of("residents", done, "seed", seed)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jobs.fail(job, "interrupted");
            throw new IllegalStateException("demo city generation was interrupted", e);
        } catch (ExecutionException e) {
            jobs.fail(job, e.getCause().getClass().getSimpleName());
            throw new IllegalStateException("demo resident generation failed", e.getCause());
        } catch (RuntimeException e) {
            jobs.fail(job, e.getClass().getSimpleName());
            throw e;
        } finally {
            ahead.shutdownNow();
        }
    }

    private static Callable<List<ResidentRecord>> chunkTask(ResidentGenerator generator, int k) {
        return () -> generator.chunk(k);
    }

    /** The generator over the demo communities as they stand in the registry. */
    ResidentGenerator residentGenerator() {
        String city = regions.city().code();
        Map<String, Region> byCode = new HashMap<>();
        regions.below(city, RegionLevel.DISTRICT).forEach(r -> byCode.put(r.code(), r));
        regions.below(city, RegionLevel.STREET_TOWN).forEach(r -> byCode.put(r.code(), r));
        List<ResidentGenerator.Community> communities = new ArrayList<>();
        for (Region c : regions.below(city, RegionLevel.COMMUNITY_VILLAGE)) {
            if (!c.demo()) {
                continue;
            }
            Region street = byCode.get(c.parentCode());
            Region district = byCode.get(c.code().substring(0, 6) + "000000");
            communities.add(new ResidentGenerator.Community(c.code(), c.path(), street.name(), district.name()));
        }
        return new ResidentGenerator(seed, elders, DistrictPlan.GUANGZHOU, communities);
    }
}
