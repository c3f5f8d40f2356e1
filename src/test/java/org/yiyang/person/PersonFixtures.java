package org.yiyang.person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.yiyang.region.RegionLevel;
import org.yiyang.region.Regions;
import tools.jackson.databind.json.JsonMapper;

/** Test data for the registry: streets and communities with unique codes, valid unique ID numbers, request bodies. */
final class PersonFixtures {
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 400));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Counts residents of the test streets (street digits 900–999, never used by real or demo data). */
    static final String COUNT_IN_TEST_STREETS = "select count(*) from person where substring(residence_region, 7, 1) = '9'";

    private PersonFixtures() {
    }

    /** A street with two communities below a district; returns {street, community1, community2}. */
    static String[] streetWithCommunities(Regions regions, String district6, String name) {
        String street = district6 + (900 + ThreadLocalRandom.current().nextInt(100)) + "000";
        String c1 = street.substring(0, 9) + "201";
        String c2 = street.substring(0, 9) + "202";
        regions.upsert(List.of(
                new Regions.NewRegion(street, district6 + "000000", RegionLevel.STREET_TOWN, name + "街道", false),
                new Regions.NewRegion(c1, street, RegionLevel.COMMUNITY_VILLAGE, name + "一社区", false),
                new Regions.NewRegion(c2, street, RegionLevel.COMMUNITY_VILLAGE, name + "二社区", false)));
        return new String[]{street, c1, c2};
    }

    /** A valid ID number nobody else in this test run has. */
    static String idNumber(String address6, LocalDate birth, boolean male) {
        int n = SEQUENCE.getAndIncrement();
        int seq = (n * 2 + (male ? 1 : 0)) % 1000;
        LocalDate day = birth.plusDays(n / 500);
        String first17 = address6 + day.toString().replace("-", "") + String.format("%03d", seq);
        return first17 + Gb11643.checkCharacter(first17);
    }

    static String idNumber() {
        return idNumber("440106", LocalDate.of(1940 + ThreadLocalRandom.current().nextInt(20), 1 + ThreadLocalRandom.current().nextInt(12), 1 + ThreadLocalRandom.current().nextInt(28)), true);
    }

    static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A complete, valid registration body; change entries to make it invalid. */
    static Map<String, Object> resident(String idNumber, String name, String community) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idNumber", idNumber);
        body.put("name", name);
        body.put("phone", phone());
        body.put("hukouRegion", "440106000000");
        body.put("residenceRegion", community);
        body.put("address", "天河路100号3栋201房");
        body.put("livingArrangement", "ALONE");
        body.put("householdIncomePerCapitaFen", 150_000);
        List<Map<String, Object>> tags = new ArrayList<>();
        tags.add(Map.of("tag", "DIBAO", "validFrom", "2025-01-01"));
        body.put("tags", tags);
        body.put("emergencyContacts", List.of(Map.of("name", "李明", "relation", "儿子", "phone", phone())));
        return body;
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
