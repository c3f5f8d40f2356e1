package org.yiyang.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiyang.facility.UnifiedSocialCreditCode;
import org.yiyang.identity.UserAccounts;
import org.yiyang.platform.YiyangProperties;
import org.yiyang.region.Regions;

/**
 * Demo data of the assessment module, after the demo city and its accounts exist: one city-wide assessment agency
 * (labelled 演示) with the two demo assessors, qualified over a demo period, so that a demo assessment can be assigned
 * and carried to an effective result. Idempotent: nothing is written when the agency is there.
 */
@Component
@Order(20)
class AssessmentDemoData implements ApplicationRunner {
    static final String CITY = "440100000000";
    static final String CREDIT_CODE_FIRST17 = "52440100MJY00001A";
    static final List<String> ASSESSORS = List.of("assessor", "assessor2");
    static final LocalDate QUALIFIED_FROM = LocalDate.of(2024, 1, 1);
    static final LocalDate QUALIFIED_TO = LocalDate.of(2028, 12, 31);

    private final AgencyStore agencies;
    private final UserAccounts accounts;
    private final Regions regions;
    private final TransactionTemplate transactions;
    private final YiyangProperties properties;
    private final Clock clock;

    AssessmentDemoData(AgencyStore agencies, UserAccounts accounts, Regions regions, TransactionTemplate transactions,
                       YiyangProperties properties, Clock clock) {
        this.agencies = agencies;
        this.accounts = accounts;
        this.regions = regions;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        String creditCode = CREDIT_CODE_FIRST17 + UnifiedSocialCreditCode.checkCharacter(CREDIT_CODE_FIRST17);
        if (!properties.demoEnabled() || agencies.creditCodeTaken(creditCode)) {
            return;
        }
        var city = regions.pathOf(CITY);
        if (city.isEmpty()) {
            return;
        }
        UUID system = new UUID(0, 0);
        transactions.executeWithoutResult(s -> {
            UUID agency = UUID.randomUUID();
            agencies.insertAgency(agency, "广州市老年人能力评估示范机构（演示）", creditCode, CITY, city.get(), system,
                    clock.instant());
            for (int i = 0; i < ASSESSORS.size(); i++) {
                int n = i + 1;
                accounts.idOf(ASSESSORS.get(i)).ifPresent(user -> agencies.upsertAssessor(new AgencyStore.Assessor(
                        user, agency, "DEMO-PG-" + n, QUALIFIED_FROM, QUALIFIED_TO, null), Set.of(), system,
                        clock.instant()));
            }
        });
    }
}
