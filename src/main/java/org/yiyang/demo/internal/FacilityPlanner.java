package org.yiyang.demo.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.yiyang.facility.FacilityBulkWriter.NewFacility;
import org.yiyang.facility.FacilityBulkWriter.NewProvider;
import org.yiyang.facility.FacilityType;
import org.yiyang.facility.Ownership;
import org.yiyang.facility.UnifiedSocialCreditCode;
import org.yiyang.region.Region;

/**
 * Plans the demo facility network: a district centre per district, a 颐康中心 per street/town, a 颐康服务站 per
 * community/village, one or two elder canteens per street, about 250 institutions, nursing stations and home-care
 * bases, each with a provider that has a valid credit code. All shares and sizes are demo parameters.
 */
final class FacilityPlanner {
    static final int INSTITUTIONS = 250;
    private static final List<String> NETWORK_SERVICES = List.of("SERVICE_GUIDE", "MEALS", "LIFE_CARE",
            "REGULAR_VISITS", "AID_RENTAL", "PINGANTONG", "FAMILY_CARER_TRAINING", "HOME_ADAPTATION", "FAMILY_CARE_BED",
            "DAY_CARE", "TEMPORARY_CARE", "MEDICAL_WELLNESS", "REHAB_NURSING", "CULTURE_EDUCATION");
    private static final List<String> STATION_SERVICES = List.of("SERVICE_GUIDE", "DAY_CARE", "LIFE_CARE", "MEALS",
            "CULTURE_EDUCATION", "REGULAR_VISITS");

    /** The plan: providers first, then facilities. */
    record Plan(List<NewProvider> providers, List<NewFacility> facilities) {
    }

    private final SplittableRandom random;
    private final Map<String, DistrictPlan> plans = new HashMap<>();
    private final Map<String, Region> districts = new HashMap<>();
    private final Map<String, List<Region>> streetsOf = new HashMap<>();
    private final Map<String, List<Region>> communitiesOf = new HashMap<>();
    private final Map<String, Region> byCode = new HashMap<>();
    private final List<NewProvider> providers = new ArrayList<>();
    private final List<NewFacility> facilities = new ArrayList<>();
    private final Set<String> creditCodes = new HashSet<>();

    private FacilityPlanner(long seed, List<DistrictPlan> plans, List<Region> districts, List<Region> streets,
                            List<Region> communities) {
        this.random = DemoRandom.of(seed, DemoRandom.FACILITIES, 0);
        plans.forEach(p -> this.plans.put(p.code(), p));
        for (Region d : districts) {
            this.districts.put(d.code(), d);
            byCode.put(d.code(), d);
        }
        for (Region s : streets) {
            streetsOf.computeIfAbsent(s.parentCode(), k -> new ArrayList<>()).add(s);
            byCode.put(s.code(), s);
        }
        for (Region c : communities) {
            communitiesOf.computeIfAbsent(c.parentCode(), k -> new ArrayList<>()).add(c);
            byCode.put(c.code(), c);
        }
    }

    /** Regions in code order, as the registry lists them; the same seed and regions give the same plan. */
    static Plan plan(long seed, List<DistrictPlan> plans, List<Region> districts, List<Region> streets,
                     List<Region> communities) {
        var planner = new FacilityPlanner(seed, plans, districts, streets, communities);
        planner.build();
        return new Plan(List.copyOf(planner.providers), List.copyOf(planner.facilities));
    }

    private void build() {
        List<String> codes = plans.keySet().stream().filter(districts::containsKey).sorted().toList();
        for (String code : codes) {
            Region district = districts.get(code);
            DistrictPlan plan = plans.get(code);
            Ownership own = random.nextDouble() < 0.6 ? Ownership.PUBLIC_BUILT_PRIVATE_RUN : Ownership.PUBLIC;
            UUID centreOperator = provider(own, district, own == Ownership.PUBLIC ? district.name() + "养老服务指导中心" : null);
            int beds = 60 + random.nextInt(91);
            add(centreOperator, district.name() + "综合养老服务中心", FacilityType.DISTRICT_CENTRE, "DISTRICT", district,
                    plan, area(1000, 3000), beds, occupied(beds, 0.6, 0.95), "08:30-17:30", NETWORK_SERVICES);
            for (Region street : streetsOf.getOrDefault(code, List.of())) {
                street(plan, district, street);
            }
            for (int i = 0, n = 3 + random.nextInt(3); i < n; i++) {
                Region at = anyCommunity(code);
                boolean social = random.nextBoolean();
                UUID p = provider(social ? Ownership.SOCIAL_ORGANISATION : Ownership.PRIVATE, district, null);
                add(p, district.name() + trade() + "居家养老服务基地", FacilityType.HOME_CARE_BASE, null, at, plan,
                        area(200, 800), null, null, "08:00-20:00", List.of("LIFE_CARE", "REGULAR_VISITS",
                                "FAMILY_CARE_BED", "HOME_ADAPTATION", "PINGANTONG"));
            }
        }
        institutions(codes);
    }

    private void street(DistrictPlan plan, Region district, Region street) {
        double u = random.nextDouble();
        Ownership own = u < 0.7 ? Ownership.PUBLIC_BUILT_PRIVATE_RUN
                : u < 0.85 ? Ownership.PUBLIC : Ownership.SOCIAL_ORGANISATION;
        UUID operator = provider(own, district, own == Ownership.PUBLIC ? street.name() + "社区服务中心" : null);
        String shortName = shortStreet(street);
        int beds = 20 + random.nextInt(61);
        add(operator, district.name() + shortName + "综合养老服务中心（颐康中心）", FacilityType.YIKANG_CENTRE,
                "STREET_TOWN", street, plan, area(1000, 2500), beds, occupied(beds, 0.6, 0.95), "08:00-18:00",
                NETWORK_SERVICES);
        List<Region> communities = communitiesOf.getOrDefault(street.code(), List.of());
        UUID otherOperator = null;
        for (Region c : communities) {
            UUID p = operator;
            if (random.nextDouble() >= 0.75) {
                if (otherOperator == null) {
                    otherOperator = provider(Ownership.SOCIAL_ORGANISATION, district, null);
                }
                p = otherOperator;
            }
            add(p, shortName + c.name() + "颐康服务站", FacilityType.YIKANG_STATION, "COMMUNITY_VILLAGE", c, plan,
                    area(200, 600), null, null, "08:30-17:30", STATION_SERVICES);
        }
        int canteens = random.nextDouble() < 0.6 ? 1 : 2;
        for (int i = 0; i < canteens && !communities.isEmpty(); i++) {
            Region c = communities.get(random.nextInt(communities.size()));
            double v = random.nextDouble();
            UUID p = v < 0.5 ? operator : provider(v < 0.8 ? Ownership.SOCIAL_ORGANISATION : Ownership.PRIVATE,
                    district, null);
            add(p, shortName + c.name() + "长者饭堂", FacilityType.ELDER_CANTEEN, null, c, plan, area(80, 300), null,
                    null, "11:00-13:00, 17:00-18:30", List.of("MEALS"));
        }
        if (random.nextBoolean() && !communities.isEmpty()) {
            Region c = communities.get(random.nextInt(communities.size()));
            UUID p = provider(Ownership.PRIVATE, district, null);
            add(p, trade() + "护理站（" + shortName + "）", FacilityType.NURSING_STATION, null, c, plan, area(100, 300),
                    null, null, "08:00-20:00", List.of("REHAB_NURSING", "MEDICAL_WELLNESS", "LIFE_CARE"));
        }
    }

    private void institutions(List<String> codes) {
        double total = 0;
        double[] weights = new double[codes.size()];
        for (int i = 0; i < codes.size(); i++) {
            DistrictPlan p = plans.get(codes.get(i));
            weights[i] = p.elderWeight() * (p.towns() > 0 ? 1.6 : 1.0);
            total += weights[i];
        }
        for (int n = 0; n < INSTITUTIONS; n++) {
            double u = random.nextDouble() * total;
            int i = 0;
            while (i < weights.length - 1 && u >= weights[i]) {
                u -= weights[i++];
            }
            String code = codes.get(i);
            Region district = districts.get(code);
            double o = random.nextDouble();
            Ownership own = o < 0.12 ? Ownership.PUBLIC : o < 0.30 ? Ownership.PUBLIC_BUILT_PRIVATE_RUN : Ownership.PRIVATE;
            String name = own == Ownership.PUBLIC ? district.name() + "第" + (n + 1) + "社会福利院"
                    : "广州市" + trade() + (random.nextBoolean() ? "养老院" : "颐养院") + "（" + (n + 1) + "）";
            UUID p = provider(own, district, own == Ownership.PUBLIC ? name : null);
            double b = random.nextDouble();
            int beds = 50 + (int) Math.round(750 * b * b);
            add(p, name, FacilityType.INSTITUTION, null, anyCommunity(code), plans.get(code),
                    beds * (30 + random.nextInt(16)), beds, occupied(beds, 0.5, 0.95), "24小时",
                    List.of("LIFE_CARE", "REHAB_NURSING", "MEDICAL_WELLNESS", "TEMPORARY_CARE", "FULL_CARE"));
        }
    }

    private UUID provider(Ownership ownership, Region district, @Nullable String publicName) {
        UUID id = DemoRandom.uuid(random);
        String name = switch (ownership) {
            case PUBLIC -> publicName != null ? publicName : district.name() + "社会福利服务中心";
            case SOCIAL_ORGANISATION -> "广州市" + district.name() + trade() + "社会工作服务中心";
            case PUBLIC_BUILT_PRIVATE_RUN, PRIVATE -> "广州市" + trade() + "养老服务有限公司";
        };
        char authority = ownership == Ownership.PUBLIC ? '1' : ownership == Ownership.SOCIAL_ORGANISATION ? '5' : '9';
        char type = ownership == Ownership.PUBLIC ? '2' : ownership == Ownership.SOCIAL_ORGANISATION ? '2' : '1';
        UnifiedSocialCreditCode code;
        do {
            code = UnifiedSocialCreditCode.generate(authority, type, district.code().substring(0, 6), random);
        } while (!creditCodes.add(code.value()));
        providers.add(new NewProvider(id, name, code, ownership, true));
        return id;
    }

    private void add(UUID provider, String name, FacilityType type, @Nullable String level, Region region,
                     DistrictPlan plan, double floorArea, @Nullable Integer beds, @Nullable Integer occupied,
                     String hours, List<String> services) {
        double lat = round(plan.latMin() + random.nextDouble() * (plan.latMax() - plan.latMin()));
        double lon = round(plan.lonMin() + random.nextDouble() * (plan.lonMax() - plan.lonMin()));
        facilities.add(new NewFacility(DemoRandom.uuid(random), provider, name, type, level, region.code(),
                region.path(), address(region), lat, lon, floorArea, beds, occupied, hours, services, true));
    }

    private String address(Region region) {
        StringBuilder a = new StringBuilder("广州市");
        String districtCode = region.code().substring(0, 6) + "000000";
        a.append(districts.get(districtCode).name());
        if (region.level() == org.yiyang.region.RegionLevel.COMMUNITY_VILLAGE) {
            a.append(byCode.get(region.parentCode()).name());
        } else if (region.level() == org.yiyang.region.RegionLevel.STREET_TOWN) {
            a.append(region.name());
        }
        return a.append(DemoNames.pick(DemoNames.ROADS, random)).append("路").append(1 + random.nextInt(400))
                .append("号").toString();
    }

    private Region anyCommunity(String districtCode) {
        List<Region> streets = streetsOf.get(districtCode);
        Region street = streets.get(random.nextInt(streets.size()));
        List<Region> cs = communitiesOf.getOrDefault(street.code(), List.of(street));
        return cs.get(random.nextInt(cs.size()));
    }

    private String trade() {
        return DemoNames.pick(DemoNames.TRADE_NAMES, random);
    }

    private double area(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    private Integer occupied(int beds, double min, double max) {
        int low = (int) Math.ceil(beds * min);
        int high = (int) Math.floor(beds * max);
        return low + random.nextInt(Math.max(1, high - low + 1));
    }

    private static String shortStreet(Region street) {
        String n = street.name();
        return n.endsWith("街道") ? n.substring(0, n.length() - 1) : n;
    }

    private static double round(double v) {
        return Math.round(v * 1_000_000d) / 1_000_000d;
    }
}
