package org.yiyang.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.yiyang.person.Gb11643;
import org.yiyang.person.LivingArrangement;
import org.yiyang.person.PersonTag;
import org.yiyang.person.ResidentIdNumber;
import org.yiyang.person.ResidentRecord;
import org.yiyang.person.TagPeriod;

/**
 * Generates the demo residents aged 60+ one chunk at a time. Chunk k draws from its own stream seeded from
 * (seed, k), so any chunk can be regenerated alone and a half-done run resumes at the next chunk. ID numbers never
 * collide: the 499 pairs of sequence codes (odd male, even female) are dealt out to the chunks (pair p belongs to chunk
 * p mod chunks), and within a chunk a taken (address, birth date, sequence) moves on to the chunk's next pair, or
 * one day earlier when the chunk has none left. All shares are demo parameters.
 */
final class ResidentGenerator {
    static final int CHUNK_SIZE = 10_000;
    /** Sequence-code pairs 001/002 … 997/998. */
    static final int SEQUENCE_PAIRS = 499;
    /** Ages are reckoned at this date, so the same seed gives the same people whatever day it runs. */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 6, 1);

    /** Demo shares of hukou: the residence district, another Guangzhou district, or elsewhere in the country. */
    private static final double HUKOU_SAME_DISTRICT = 0.80;
    private static final double HUKOU_OTHER_GUANGZHOU = 0.08;
    /** County codes of hukou outside Guangzhou (other Guangdong cities, Hunan, Guangxi, Jiangxi, Sichuan). */
    private static final String[] HUKOU_ELSEWHERE = {"440303", "440604", "441302", "445102", "440703", "441802",
            "440882", "445202", "441481", "430102", "430621", "431021", "430524", "450103", "450921", "450881",
            "360731", "510921"};
    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "134", "135", "136", "137", "138",
            "139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "176", "177", "178", "180", "181",
            "182", "183", "185", "186", "187", "188", "189", "198", "199"};

    /** A community residents can live in, with what addresses need. */
    record Community(String code, String path, String streetName, String districtName) {
        String county() {
            return code.substring(0, 6);
        }
    }

    private final long seed;
    private final long total;
    private final int chunks;
    private final List<String> districtCounties = new ArrayList<>();
    private final double[] districtWeights;
    private final double weightSum;
    private final Map<String, List<Community>> communitiesByCounty = new HashMap<>();

    ResidentGenerator(long seed, long total, List<DistrictPlan> plans, List<Community> communities) {
        if (total < 0) {
            throw new IllegalArgumentException("the demo elder count must not be negative");
        }
        this.seed = seed;
        this.total = total;
        this.chunks = (int) Math.max(1, (total + CHUNK_SIZE - 1) / CHUNK_SIZE);
        if (chunks > SEQUENCE_PAIRS) {
            throw new IllegalArgumentException("at most " + (long) SEQUENCE_PAIRS * CHUNK_SIZE + " demo elders");
        }
        for (Community c : communities) {
            communitiesByCounty.computeIfAbsent(c.county(), k -> new ArrayList<>()).add(c);
        }
        List<Double> weights = new ArrayList<>();
        for (DistrictPlan p : plans) {
            if (communitiesByCounty.containsKey(p.county())) {
                districtCounties.add(p.county());
                weights.add((double) p.elderWeight());
            }
        }
        if (districtCounties.isEmpty()) {
            throw new IllegalArgumentException("no demo communities to live in");
        }
        districtWeights = weights.stream().mapToDouble(Double::doubleValue).toArray();
        weightSum = weights.stream().mapToDouble(Double::doubleValue).sum();
    }

    int chunkCount() {
        return total == 0 ? 0 : chunks;
    }

    long total() {
        return total;
    }

    /** The residents of chunk k (0-based): CHUNK_SIZE of them, fewer in the last chunk. */
    List<ResidentRecord> chunk(int k) {
        long from = (long) k * CHUNK_SIZE;
        int size = (int) Math.max(0, Math.min(CHUNK_SIZE, total - from));
        SplittableRandom random = DemoRandom.of(seed, DemoRandom.RESIDENTS, k);
        Set<String> taken = new HashSet<>(size * 2);
        List<ResidentRecord> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(resident(k, random, taken));
        }
        return out;
    }

    private ResidentRecord resident(int k, SplittableRandom random, Set<String> taken) {
        String county = pickDistrict(random);
        List<Community> here = communitiesByCounty.get(county);
        Community home = here.get(random.nextInt(here.size()));
        int age = age(random);
        boolean female = random.nextDouble() < (age < 70 ? 0.52 : age < 80 ? 0.55 : 0.62);
        LocalDate birth = REFERENCE_DATE.minusYears(age).minusDays(1 + random.nextInt(364));
        String hukou = hukou(random, home);
        String idNumber = idNumber(k, random, taken, hukou.substring(0, 6), birth, female);

        String name = DemoNames.surname(random)
                + DemoNames.pick(female ? DemoNames.FEMALE_GIVEN : DemoNames.MALE_GIVEN, random);
        String phone = random.nextDouble() < 0.88 ? DemoNames.pick(MOBILE_PREFIXES, random)
                + pad(random.nextInt(100_000_000), 8) : null;
        String address = "广州市" + home.districtName() + home.streetName()
                + DemoNames.pick(DemoNames.ROADS, random) + "路" + (1 + random.nextInt(300)) + "号"
                + (1 + random.nextInt(30)) + "0" + (1 + random.nextInt(8)) + "房";

        List<TagPeriod> tags = new ArrayList<>(2);
        LivingArrangement living = living(random);
        double t = random.nextDouble();
        long incomeYuan;
        if (t < 0.003) {
            tags.add(period(PersonTag.TEKUN_SCATTERED, random));
            incomeYuan = random.nextInt(800);
            if (living == LivingArrangement.IN_INSTITUTION || living == LivingArrangement.WITH_FAMILY) {
                living = LivingArrangement.ALONE;
            }
        } else if (t < 0.004) {
            tags.add(period(PersonTag.TEKUN_CENTRAL, random));
            incomeYuan = random.nextInt(800);
            living = LivingArrangement.IN_INSTITUTION;
        } else if (t < 0.024) {
            tags.add(period(PersonTag.DIBAO, random));
            incomeYuan = 400 + random.nextInt(900);
        } else if (t < 0.034) {
            tags.add(period(PersonTag.DIBAO_EDGE, random));
            incomeYuan = 1309 + random.nextInt(650);
        } else {
            incomeYuan = Math.round(Math.exp(Math.log(4200) + 0.55 * random.nextGaussian()));
        }
        if (random.nextDouble() < 0.008) {
            tags.add(period(PersonTag.YOUFU, random));
        }
        if (random.nextDouble() < 0.005) {
            tags.add(period(PersonTag.JISHENG_SPECIAL, random));
        }
        if (random.nextDouble() < 0.002) {
            tags.add(period(PersonTag.LAOMO, random));
        }
        if (random.nextDouble() < 0.015) {
            tags.add(period(PersonTag.SEVERELY_DISABLED, random));
        }
        return new ResidentRecord(DemoRandom.uuid(random), new ResidentIdNumber(idNumber), name, phone, hukou,
                home.code(), home.path(), address, living, incomeYuan * 100, tags, true);
    }

    /** About 55% aged 60–69, 30% 70–79, 15% 80+ (12% 80–89, 3% 90–99, 0.07% centenarians, ~1,500 in a city). */
    private static int age(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.55) {
            return 60 + random.nextInt(10);
        }
        if (u < 0.85) {
            return 70 + random.nextInt(10);
        }
        if (u < 0.97) {
            return 80 + random.nextInt(10);
        }
        if (u < 0.9993) {
            return 90 + random.nextInt(10);
        }
        return 100 + random.nextInt(6);
    }

    private static LivingArrangement living(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.12) {
            return LivingArrangement.ALONE;
        }
        if (u < 0.37) {
            return LivingArrangement.PURE_ELDERLY_HOUSEHOLD;
        }
        if (u < 0.38) {
            return LivingArrangement.ONLY_WITH_SEVERELY_DISABLED_CHILD;
        }
        if (u < 0.41) {
            return LivingArrangement.IN_INSTITUTION;
        }
        return LivingArrangement.WITH_FAMILY;
    }

    /** Held since a day in 2012–2025; one in ten has ended before the reference date. */
    private static TagPeriod period(PersonTag tag, SplittableRandom random) {
        LocalDate from = LocalDate.of(2012, 1, 1).plusDays(random.nextInt(14 * 365));
        LocalDate to = null;
        if (random.nextDouble() < 0.1) {
            long span = java.time.temporal.ChronoUnit.DAYS.between(from, REFERENCE_DATE);
            to = from.plusDays(random.nextLong(Math.max(1, span)));
        }
        return new TagPeriod(tag, from, to);
    }

    /** A 12-digit hukou region: the home community, a community of another district, or a county elsewhere. */
    private String hukou(SplittableRandom random, Community home) {
        double u = random.nextDouble();
        if (u < HUKOU_SAME_DISTRICT) {
            return home.code();
        }
        if (u < HUKOU_SAME_DISTRICT + HUKOU_OTHER_GUANGZHOU) {
            List<Community> there = communitiesByCounty.get(districtCounties.get(random.nextInt(districtCounties.size())));
            return there.get(random.nextInt(there.size())).code();
        }
        return DemoNames.pick(HUKOU_ELSEWHERE, random) + "000000";
    }

    private String idNumber(int k, SplittableRandom random, Set<String> taken, String county, LocalDate birth,
                            boolean female) {
        int pairsOfChunk = (SEQUENCE_PAIRS - k + chunks - 1) / chunks;
        LocalDate day = birth;
        while (true) {
            String prefix = county + pad(day.getYear(), 4) + pad(day.getMonthValue(), 2) + pad(day.getDayOfMonth(), 2);
            int start = random.nextInt(pairsOfChunk);
            for (int j = 0; j < pairsOfChunk; j++) {
                int pair = k + ((start + j) % pairsOfChunk) * chunks;
                String seventeen = prefix + pad(2 * pair + (female ? 2 : 1), 3);
                if (taken.add(seventeen)) {
                    return seventeen + Gb11643.checkCharacter(seventeen);
                }
            }
            day = day.minusDays(1);
        }
    }

    /** Zero-padded decimal digits (String.format is too slow for millions of rows). */
    static String pad(int value, int width) {
        String digits = Integer.toString(value);
        if (digits.length() >= width) {
            return digits;
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    private String pickDistrict(SplittableRandom random) {
        double u = random.nextDouble() * weightSum;
        for (int i = 0; i < districtWeights.length - 1; i++) {
            if (u < districtWeights[i]) {
                return districtCounties.get(i);
            }
            u -= districtWeights[i];
        }
        return districtCounties.get(districtWeights.length - 1);
    }
}
