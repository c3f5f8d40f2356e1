package org.yiyang.ltc;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyang.identity.UserAccounts;
import org.yiyang.person.Gb11643;
import org.yiyang.person.NewResident;
import org.yiyang.person.PersonRegistry;
import org.yiyang.region.Regions;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Role;
import org.yiyang.testsupport.TestUsers;

/**
 * Test data for the LTC records: residents in a district's community, designated providers with a facility provider
 * behind them, users (provider staff bound to their provider). Unique values, so tests sharing one database do not
 * collide.
 */
@Component
public class LtcWorld {
    public static final String CITY = "440100000000";
    public static final String TIANHE = "440106000000";
    public static final String HAIZHU = "440105000000";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 400));

    private final JdbcClient jdbc;
    private final PersonRegistry persons;
    private final Regions regions;
    private final UserAccounts accounts;

    public LtcWorld(JdbcClient jdbc, PersonRegistry persons, Regions regions, UserAccounts accounts) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.regions = regions;
        this.accounts = accounts;
    }

    private static final AtomicInteger STREETS = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 40));

    /**
     * A new test street with one community below 天河 (street digits 900–998, never used by real or demo data), so
     * that a test can settle its own region's month without meeting another test's lines.
     */
    public String street() {
        int n = 900 + STREETS.getAndIncrement() % 99;
        String street = "440106" + n + "000";
        regions.upsert(List.of(
                new Regions.NewRegion(street, TIANHE, org.yiyang.region.RegionLevel.STREET_TOWN, "长护测试街" + n, false),
                new Regions.NewRegion(street.substring(0, 9) + "201", street,
                        org.yiyang.region.RegionLevel.COMMUNITY_VILLAGE, "长护测试社区" + n, false)));
        return street;
    }

    /** A resident and their ID number. */
    public record Resident(UUID id, String idNumber) {
        @Override
        public String toString() {
            return "Resident[" + id + "]";
        }
    }

    /** A new resident living in a community of the region. */
    public Resident resident(String district) {
        String community = jdbc.sql("select code from region where level = 'COMMUNITY_VILLAGE'"
                        + " and path <@ cast(:d as ltree) order by code limit 1")
                .param("d", regions.pathOf(district).orElseThrow()).query(String.class).single();
        int n = SEQUENCE.getAndIncrement();
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(n % 5000);
        String first17 = "440106" + birth.toString().replace("-", "") + String.format("%03d", (n * 7) % 1000);
        String idNumber = first17 + Gb11643.checkCharacter(first17);
        var officer = new Actor(UUID.randomUUID(), "ltc-world", Set.of(Role.CITY_OFFICER), CITY,
                regions.pathOf(CITY).orElseThrow(), null);
        String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        var view = persons.register(new NewResident(idNumber, "长护测试" + n, phone, "440106000000", community,
                "测试路" + n + "号", "ALONE", null, List.of(), List.of(), true), officer);
        return new Resident(view.id(), idNumber);
    }

    /** A designated care provider in the district, with a facility provider id behind it. */
    public UUID designatedProvider(String district, UUID providerId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into ltc_designated_provider (id, provider_id, name, kind, agreement_no, region_code,
                          region_path, valid_from, valid_to, registered_by)
                        values (:id, :provider, '测试护理站', 'CARE', :agreement, :region, cast(:path as ltree),
                          date '2024-01-03', date '2027-12-31', :by)
                        """)
                .param("id", id).param("provider", providerId).param("agreement", "T-" + id)
                .param("region", district).param("path", regions.pathOf(district).orElseThrow())
                .param("by", UUID.randomUUID()).update();
        return id;
    }

    /** A user bound to a provider (provider staff). */
    public String providerStaff(String region, UUID providerId) {
        String username = "provider_staff-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, TestUsers.PASSWORD, Set.of(Role.PROVIDER_STAFF), region,
                regions.pathOf(region).orElseThrow(), providerId, null);
        return username;
    }
}
