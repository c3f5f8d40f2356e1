package org.yiyang.testsupport;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiyang.assessment.internal.AssessmentAgencies;
import org.yiyang.facility.UnifiedSocialCreditCode;
import org.yiyang.region.Regions;
import org.yiyang.shared.Actor;
import org.yiyang.shared.Role;

/**
 * Assessment agencies and qualified assessors for tests: assignment accepts only assessors registered with the agency
 * and qualified on the day, so fixtures register them through the register's own service (as a city officer).
 */
@Component
public class QualifiedAssessors {
    private final AssessmentAgencies agencies;
    private final TestUsers users;
    private final Regions regions;
    private final JdbcClient jdbc;

    public QualifiedAssessors(AssessmentAgencies agencies, TestUsers users, Regions regions, JdbcClient jdbc) {
        this.agencies = agencies;
        this.users = users;
        this.regions = regions;
        this.jdbc = jdbc;
    }

    /** A new agency serving the region (e.g. a district), registered by a city officer. */
    public UUID agency(String regionCode) {
        return agencies.register("测试评估机构" + ThreadLocalRandom.current().nextInt(100_000), creditCode(), regionCode,
                cityOfficer()).id();
    }

    /** Registers the user as an assessor of the agency, qualified from a year ago to a year ahead. */
    public void qualify(UUID agencyId, UUID userId) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        qualify(agencyId, userId, today.minusYears(1), today.plusYears(1), null, List.of());
    }

    public void qualify(UUID agencyId, UUID userId, LocalDate from, LocalDate to, @Nullable UUID employer,
                        List<UUID> relatives) {
        agencies.registerAssessor(agencyId, userId, "PG-" + ThreadLocalRandom.current().nextInt(1_000_000), from, to,
                employer, relatives, cityOfficer());
    }

    /** A new assessor user over the region, qualified with the agency; returns the user name. */
    public String assessor(UUID agencyId, String regionCode) {
        String name = users.create(Role.ASSESSOR, regionCode);
        qualify(agencyId, userId(name));
        return name;
    }

    public UUID userId(String username) {
        return jdbc.sql("select id from user_account where username = :u").param("u", username)
                .query(UUID.class).single();
    }

    /** A valid unified social credit code nobody else has (17 random characters and the check character). */
    public static String creditCode() {
        StringBuilder b = new StringBuilder("91440106");
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        while (b.length() < 17) {
            b.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return b.toString() + UnifiedSocialCreditCode.checkCharacter(b.toString());
    }

    private @Nullable Actor cityOfficer;

    private synchronized Actor cityOfficer() {
        if (cityOfficer != null) {
            return cityOfficer;
        }
        String name = users.create(Role.CITY_OFFICER, "440100000000");
        cityOfficer = new Actor(userId(name), name, Set.of(Role.CITY_OFFICER), "440100000000",
                regions.pathOf("440100000000").orElseThrow(), null);
        return cityOfficer;
    }
}
