package org.yiyang.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiyang.jobs.JobStatus;
import org.yiyang.jobs.Jobs;
import org.yiyang.person.PersonalColumns;
import org.yiyang.person.ResidentIdNumber;
import org.yiyang.platform.YiyangProperties;
import org.yiyang.region.RegionLevel;
import org.yiyang.region.Regions;
import org.yiyang.shared.Role;
import org.yiyang.shared.privacy.PersonalDataCipher;
import org.yiyang.testsupport.Api;
import org.yiyang.testsupport.IntegrationTest;

@IntegrationTest
class DemoCityIntegrationTests {
    private static final String CITY = "440100000000";

    @Autowired JdbcClient jdbc;
    @Autowired Regions regions;
    @Autowired DemoCityGenerator generator;
    @Autowired PersonalDataCipher cipher;
    @Autowired YiyangProperties properties;
    @Autowired Jobs jobs;
    @Autowired MockMvc mvc;

    @Test
    void hasPlausibleStreetsAndCommunitiesInEveryDistrict() {
        assertThat(regions.below(CITY, RegionLevel.DISTRICT)).hasSize(11);
        // other test classes add their own (non-demo) streets and communities: count only the demo city's
        assertThat(demo(regions.below(CITY, RegionLevel.STREET_TOWN))).hasSizeBetween(150, 200);
        assertThat(demo(regions.below(CITY, RegionLevel.COMMUNITY_VILLAGE))).hasSizeBetween(2500, 3100);
        for (var district : regions.below(CITY, RegionLevel.DISTRICT)) {
            var streets = demo(regions.children(district.code()));
            assertThat(streets).as(district.name()).hasSizeGreaterThanOrEqualTo(3)
                    .allMatch(s -> s.level() == RegionLevel.STREET_TOWN && s.demo());
            for (var street : streets) {
                assertThat(regions.children(street.code())).as(street.name()).isNotEmpty()
                        .allMatch(c -> c.level() == RegionLevel.COMMUNITY_VILLAGE && c.code().startsWith(
                                street.code().substring(0, 9)));
            }
        }
        var wushan = regions.find("440106001000").orElseThrow();
        assertThat(wushan.name()).isEqualTo("五山街道");
        assertThat(wushan.parentCode()).isEqualTo("440106000000");
        assertThat(demo(regions.below("440106000000", RegionLevel.STREET_TOWN))).hasSize(21);
    }

    private static java.util.List<org.yiyang.region.Region> demo(java.util.List<org.yiyang.region.Region> all) {
        return all.stream().filter(org.yiyang.region.Region::demo).toList();
    }

    @Test
    void givesEveryStreetOneYikangCentreAndEveryCommunityAStation() {
        assertThat(jdbc.sql("""
                select count(*) from region r where r.level = 'STREET_TOWN' and r.demo
                  and (select count(*) from facility f where f.region_code = r.code and f.type = 'YIKANG_CENTRE') <> 1
                """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from region r where r.level = 'COMMUNITY_VILLAGE' and r.demo
                  and not exists (select 1 from facility f where f.region_code = r.code and f.type = 'YIKANG_STATION')
                """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from region r where r.level = 'DISTRICT'
                  and (select count(*) from facility f where f.region_code = r.code and f.type = 'DISTRICT_CENTRE') <> 1
                """).query(Long.class).single()).isZero();
        Map<String, Long> byType = jdbc.sql("select type, count(*) from facility where demo group by type")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byType.get("INSTITUTION")).isEqualTo(FacilityPlanner.INSTITUTIONS);
        assertThat(byType.get("ELDER_CANTEEN")).isBetween(150L, 400L);
        assertThat(byType).containsKeys("NURSING_STATION", "HOME_CARE_BASE");
        assertThat(jdbc.sql("""
                select count(*) from facility where type = 'INSTITUTION'
                  and (beds_total not between 50 and 800 or beds_occupied < beds_total * 0.5
                       or beds_occupied > beds_total * 0.95)
                """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from facility where demo and (latitude not between 22.5 and 23.9
                                                              or longitude not between 112.9 and 114.1)
                """).query(Long.class).single()).isZero();
        List<String> codes = jdbc.sql("select credit_code from provider where demo").query(String.class).list();
        assertThat(codes).isNotEmpty().allMatch(org.yiyang.facility.UnifiedSocialCreditCode::isValid);
        long pbpr = jdbc.sql("""
                select count(*) from facility f join provider p on p.id = f.provider_id
                where f.type = 'YIKANG_CENTRE' and p.ownership = 'PUBLIC_BUILT_PRIVATE_RUN'
                """).query(Long.class).single();
        assertThat(pbpr).isGreaterThan(regions.below(CITY, RegionLevel.STREET_TOWN).size() / 2);
    }

    @Test
    void hasTheConfiguredNumberOfEldersAllAgedSixtyOrMoreInPlausibleShares() {
        assertThat(properties.demo().elders()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from person where demo").query(Long.class).single()).isEqualTo(400);
        LocalDate ref = ResidentGenerator.REFERENCE_DATE;
        List<LocalDate> births = jdbc.sql("select birth_date from person where demo").query(LocalDate.class).list();
        int young = 0;
        int middle = 0;
        int old = 0;
        for (LocalDate b : births) {
            int age = java.time.Period.between(b, ref).getYears();
            assertThat(age).isBetween(60, 106);
            if (age < 70) {
                young++;
            } else if (age < 80) {
                middle++;
            } else {
                old++;
            }
        }
        assertThat(young).isBetween(180, 260);
        assertThat(middle).isBetween(95, 170);
        assertThat(old).isBetween(30, 90);
        long alone = jdbc.sql("select count(*) from person where demo and living_arrangement = 'ALONE'")
                .query(Long.class).single();
        assertThat(alone).isBetween(20L, 80L);
        assertThat(jdbc.sql("""
                select count(*) from person p where demo and not exists
                  (select 1 from region r where r.code = p.residence_region and r.level = 'COMMUNITY_VILLAGE'
                   and r.path = p.residence_path)
                """).query(Long.class).single()).isZero();
    }

    @Test
    void issuesValidIdNumbersWhoseAddressCodeIsTheHukouCounty() {
        record Row(byte[] id, String hukou, LocalDate birth, String sex, String key) {
        }
        List<Row> rows = jdbc.sql("select id_number_enc, hukou_region, birth_date, sex, id from person where demo")
                .query((rs, n) -> new Row(rs.getBytes(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5))).list();
        Set<String> numbers = new HashSet<>();
        int outsideGuangzhou = 0;
        for (Row r : rows) {
            var number = ResidentIdNumber.parse(cipher.decrypt(r.id(), PersonalColumns.bound(PersonalColumns.ID_NUMBER, r.key())));
            assertThat(number.addressCode()).isEqualTo(r.hukou().substring(0, 6));
            assertThat(number.birthDate()).isEqualTo(r.birth());
            assertThat(number.sex().name()).isEqualTo(r.sex());
            numbers.add(number.value());
            if (!r.hukou().startsWith("4401")) {
                outsideGuangzhou++;
            }
        }
        assertThat(numbers).hasSize(400);
        assertThat(outsideGuangzhou).isBetween(15, 90);
    }

    @Test
    void changesNothingWhenRunAgain() throws Exception {
        Path file = properties.dataDir().resolve(DemoAccounts.FILE);
        List<Long> before = counts();
        String credentials = Files.readString(file);
        generator.generate();
        assertThat(counts()).isEqualTo(before);
        assertThat(Files.readString(file)).isEqualTo(credentials);
        var job = jobs.latest(DemoCityGenerator.JOB_TYPE, properties.demo().seed() + ":400").orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.done()).isEqualTo(400);
    }

    @Test
    void writesPrivateCredentialsThatOpenTheApi() throws Exception {
        Path file = properties.dataDir().resolve(DemoAccounts.FILE);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        List<String[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(line.trim().split("\\s+"));
        }
        Set<String> roles = lines.stream().map(l -> l[2]).collect(Collectors.toSet());
        assertThat(roles).contains(Role.CITY_OFFICER.name(), Role.DISTRICT_OFFICER.name(), Role.STREET_WORKER.name(),
                Role.ASSESSOR.name(), Role.PROVIDER_STAFF.name(), Role.LTC_OFFICER.name(), Role.AUDITOR.name());
        assertThat(lines).allSatisfy(l -> {
            assertThat(l).hasSize(4);
            assertThat(l[1]).hasSizeGreaterThanOrEqualTo(16);
            assertThat(regions.find(l[3])).isPresent();
        });
        String[] tianhe = lines.stream().filter(l -> l[0].equals("tianhe.officer")).findFirst().orElseThrow();
        assertThat(Arrays.asList(tianhe)).containsExactly("tianhe.officer", tianhe[1], "DISTRICT_OFFICER",
                "440106000000");
        String token = Api.bearer(mvc, tianhe[0], tianhe[1]);
        mvc.perform(get("/api/v1/facilities").header("Authorization", token)).andExpect(status().isOk());
        assertThat(jdbc.sql("select provider_id is not null from user_account where username = 'tianhe.provider'")
                .query(Boolean.class).single()).isTrue();
    }

    private List<Long> counts() {
        List<Long> counts = new ArrayList<>();
        for (String table : List.of("region", "provider", "facility", "person", "person_tag", "user_account")) {
            counts.add(jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        counts.add(jdbc.sql("select count(*) from job where type = 'DEMO_CITY'").query(Long.class).single());
        return counts;
    }
}
