package org.yiyang.demo.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.yiyang.region.RegionLevel;
import org.yiyang.region.Regions.NewRegion;

/**
 * Plans the demo streets/towns and communities/villages of the districts: codes {@code <district6><street3><community3>}
 * with streets numbered from 001 and towns from 101, communities from 001 and villages from 201 (the common NBS
 * layout; nothing reads a level from these digits). Same seed, same plan.
 */
final class RegionPlanner {
    /** Share of a town's units that are communities (镇区社区) rather than villages; demo parameter. */
    private static final double TOWN_COMMUNITY_SHARE = 0.2;
    private static final int MIN_COMMUNITIES = 5;

    private RegionPlanner() {
    }

    /** Parents first: each street followed by its communities. */
    static List<NewRegion> plan(long seed, List<DistrictPlan> districts) {
        List<NewRegion> out = new ArrayList<>();
        for (DistrictPlan d : districts) {
            SplittableRandom random = DemoRandom.of(seed, DemoRandom.REGIONS, Long.parseLong(d.county()));
            List<String> pool = DemoNames.placeNames(random);
            Set<String> used = new HashSet<>(d.streetNames());
            int poolAt = 0;
            int units = d.streetsAndTowns();
            int[] perStreet = spread(d.communities(), units, d.streets(), random);
            for (int s = 0; s < units; s++) {
                boolean town = s >= d.streets();
                String name;
                if (s < d.streetNames().size()) {
                    name = d.streetNames().get(s);
                } else {
                    do {
                        name = pool.get(poolAt++);
                    } while (!used.add(name));
                }
                String streetCode = d.county() + String.format("%03d", town ? 101 + s - d.streets() : s + 1) + "000";
                out.add(new NewRegion(streetCode, d.code(), RegionLevel.STREET_TOWN, name + (town ? "镇" : "街道"), true));
                Set<String> communityNames = new HashSet<>();
                int communities = 0;
                int villages = 0;
                for (int c = 0; c < perStreet[s]; c++) {
                    boolean village = town && c >= Math.max(1, (int) Math.round(perStreet[s] * TOWN_COMMUNITY_SHARE));
                    String cname;
                    do {
                        cname = pool.get(random.nextInt(pool.size()));
                    } while (!communityNames.add(cname));
                    int number = village ? 201 + villages++ : 1 + communities++;
                    out.add(new NewRegion(streetCode.substring(0, 9) + String.format("%03d", number), streetCode,
                            RegionLevel.COMMUNITY_VILLAGE, cname + (village ? "村" : "社区"), true));
                }
            }
        }
        return out;
    }

    /** Splits the communities over the units: at least a few each, towns (the rural units) weighted double. */
    private static int[] spread(int total, int units, int streets, SplittableRandom random) {
        int[] counts = new int[units];
        double[] weights = new double[units];
        double sum = 0;
        for (int i = 0; i < units; i++) {
            weights[i] = (i >= streets ? 2.0 : 1.0) * (0.6 + 0.8 * random.nextDouble());
            sum += weights[i];
        }
        int left = total - MIN_COMMUNITIES * units;
        int given = 0;
        for (int i = 0; i < units; i++) {
            counts[i] = MIN_COMMUNITIES + (int) Math.floor(left * weights[i] / sum);
            given += counts[i];
        }
        for (int i = 0; given < total; i = (i + 1) % units) {
            counts[i]++;
            given++;
        }
        return counts;
    }
}
